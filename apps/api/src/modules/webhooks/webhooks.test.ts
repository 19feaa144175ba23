import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast } from '../../../test/factories';
import { until } from '../../../test/built-servers';
import { startReceiver } from '../../../test/webhook-receiver';
import { WebhookEntity } from './webhook.entity';

/** An event's data as the tests read it: named objects and plain values. */
type EventData = Record<string, { id?: string; label?: string } & Record<string, unknown>>;

let app: TestApp;
let cast: Cast;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_DELAYS: '0.05,0.05' });
  await app.startDelivery();
  cast = await makeCast(app);
  receiver = await startReceiver();
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

const CREATE = 'mutation ($i: WebhookInput!) { createWebhook(input: $i) { secret webhook { id url eventTypes groupIds enabled } } }';
const ADD = 'mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }';
const DELIVERIES = 'query ($id: ID!, $f: Boolean) { webhook(id: $id) { lastHttpStatus deliveries(first: 50, failedOnly: $f) { edges { node { eventId eventType attempt status httpStatus error responseBody } } } } }';

type Delivery = { eventId: string; eventType: string; attempt: number; status: string; httpStatus: number | null; error: string | null; responseBody: string | null };

async function createWebhook(input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const result = await app.gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(CREATE, { i: input }, cast.admin.as);
  expect(result.errors).toBeUndefined();
  return { id: result.data!.createWebhook.webhook.id, secret: result.data!.createWebhook.secret };
}

async function deliveries(id: string, failedOnly = false): Promise<Delivery[]> {
  const result = await app.gql<{ webhook: { deliveries: { edges: { node: Delivery }[] } } }>(DELIVERIES, { id, f: failedOnly }, cast.admin.as);
  return result.data!.webhook.deliveries.edges.map((e) => e.node);
}

/** Requests the receiver got for one webhook-id. */
const forEvent = (eventId: string) => receiver.received.filter((r) => r.headers['webhook-id'] === eventId);

async function addSomeone(groupId = cast.group.id): Promise<string> {
  const person = await makeUser(app);
  const result = await app.gql(ADD, { g: groupId, u: [person.user.id] }, cast.admin.as);
  expect(result.errors).toBeUndefined();
  return person.user.id;
}

/** The feed's membership.added of a user to a group (read page by page, as a consumer does). */
async function addedEventOf(userId: string, groupId: string): Promise<{ id: string; data: EventData }> {
  const found: { id: string; data: EventData }[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: { events: { edges: { node: { id: string; data: EventData } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null } = await app.gql(
      'query ($a: String) { events(first: 100, after: $a, types: ["membership.added"]) { edges { node { id data } } pageInfo { endCursor hasNextPage } } }',
      { a: after },
      cast.admin.as,
    );
    const page = result.data!.events;
    found.push(...page.edges.map((e) => e.node).filter((e) => e.data.user?.id === userId && e.data.group?.id === groupId));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('webhooks (SPEC §17)', () => {
  it('createWebhook: authorization matrix (admins); the secret is whsec_ and shown once', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ i: { url: 'https://example.org/hook', eventTypes: ['group.created'] } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const { id, secret } = await createWebhook({ url: 'https://example.org/other' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await app.gql('query ($id: ID!) { webhook(id: $id) { url enabled } }', { id }, cast.admin.as);
    expect(JSON.stringify(read.data)).not.toContain(secret.slice(6, 20));
    expect(outcome(await app.gql('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id }, cast.admin.as))).toBe('OK');
  });

  it('the other webhook operations: authorization matrices (admins)', async () => {
    const fresh = async () => ({ id: (await createWebhook({ url: 'https://example.org/m', enabled: false })).id });
    const ops = [
      'mutation ($id: ID!) { updateWebhook(id: $id, input: { url: "https://example.org/n", enabled: false }) { id } }',
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
      'mutation ($id: ID!) { sendTestWebhook(id: $id) { status } }',
      'mutation ($id: ID!) { deleteWebhook(id: $id) }',
      'query ($id: ID!) { webhook(id: $id) { id } }',
    ];
    for (const op of ops) {
      await expectMatrix(app, cast, op, fresh, { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK' });
    }
    await expectMatrix(app, cast, '{ webhooks { id } }', () => ({}), { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK' });
  });

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://example.org/x' }],
    ['no URL at all', { url: 'not a url' }],
    ['an unknown event type', { url: 'https://example.org/x', eventTypes: ['membership.exploded'] }],
    ['a malformed group id', { url: 'https://example.org/x', groupIds: ['x'] }],
    ['an unknown group', { url: 'https://example.org/x', groupIds: [newId()] }],
  ])('refuses %s with BAD_USER_INPUT', async (_label, input) => {
    expect(outcome(await app.gql(CREATE, { i: input }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('unknown webhooks and events answer NOT_FOUND', async () => {
    expect(outcome(await app.gql('mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: newId() }, cast.admin.as))).toBe('NOT_FOUND');
    const { id } = await createWebhook({ url: 'https://example.org/nf', enabled: false });
    expect(outcome(await app.gql('mutation ($w: ID!, $e: ID!) { redeliverEvent(webhookId: $w, eventId: $e) { id } }', { w: id, e: '999999999' }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql('mutation ($w: ID!, $e: ID!) { redeliverEvent(webhookId: $w, eventId: $e) { id } }', { w: id, e: 'nope' }, cast.admin.as))).toBe('NOT_FOUND');
  });

  it('delivers a signed event that verifies with the standardwebhooks library', async () => {
    const group = await makeGroup(app, { name: `Hooked ${newId().slice(0, 6)}` });
    const { id, secret } = await createWebhook({ url: receiver.url, groupIds: [group.id] });
    const userId = await addSomeone(group.id);
    const event = await addedEventOf(userId, group.id);
    await until('the delivery', () => forEvent(event.id).length === 1, 10_000);
    const [got] = forEvent(event.id);
    const payload = new Verifier(secret).verify(got!.body, got!.headers as Record<string, string>) as { type: string; timestamp: string; data: EventData };
    expect(payload.type).toBe('membership.added');
    expect(payload.data).toMatchObject({ eventId: event.id, user: { id: userId }, group: { id: group.id, label: group.name }, source: 'ADDED', cause: 'ADMIN' });
    expect(got!.headers['webhook-signature']).toMatch(/^v1,/);
    expect((await deliveries(id)).find((d) => d.eventId === event.id)).toMatchObject({ status: 'SUCCEEDED', attempt: 1, httpStatus: 200, eventType: 'membership.added' });
  });

  it('retries 500, 500, 200: three deliveries with one webhook-id; every attempt logged', async () => {
    const group = await makeGroup(app, { name: `Retry ${newId().slice(0, 6)}` });
    const { id } = await createWebhook({ url: receiver.url, groupIds: [group.id] });
    receiver.answer([500, 500]);
    const event = await addedEventOf(await addSomeone(group.id), group.id);
    await until('three attempts', () => forEvent(event.id).length === 3, 10_000);
    await until('the log to say SUCCEEDED', async () => (await deliveries(id)).some((d) => d.status === 'SUCCEEDED'), 5_000);
    const log = (await deliveries(id)).filter((d) => d.eventId === event.id).sort((a, b) => a.attempt - b.attempt);
    expect(log.map((d) => [d.attempt, d.status, d.httpStatus])).toEqual([[1, 'RETRYING', 500], [2, 'RETRYING', 500], [3, 'SUCCEEDED', 200]]);
    expect(log[0]!.responseBody).toBe('nope 500');
    expect((await deliveries(id, true)).map((d) => d.attempt).sort()).toEqual([1, 2]);
  });

  it('marks a delivery FAILED after the last retry, and redelivers it with the same webhook-id', async () => {
    const group = await makeGroup(app, { name: `Fail ${newId().slice(0, 6)}` });
    const { id } = await createWebhook({ url: receiver.url, groupIds: [group.id] });
    receiver.answer([500, 503, 502]);
    const event = await addedEventOf(await addSomeone(group.id), group.id);
    await until('the last attempt', async () => (await deliveries(id)).some((d) => d.status === 'FAILED'), 10_000);
    expect(forEvent(event.id)).toHaveLength(3);
    const again = await app.gql<{ redeliverEvent: { status: string; eventId: string } }>('mutation ($w: ID!, $e: ID!) { redeliverEvent(webhookId: $w, eventId: $e) { status eventId } }', { w: id, e: event.id }, cast.admin.as);
    expect(again.data!.redeliverEvent).toEqual({ status: 'PENDING', eventId: event.id });
    await until('the redelivery', () => forEvent(event.id).length === 4, 10_000);
    expect(new Set(forEvent(event.id).map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));
  });

  it('after a rotation both secrets verify for 24 hours', async () => {
    const group = await makeGroup(app, { name: `Rotate ${newId().slice(0, 6)}` });
    const { id, secret: old } = await createWebhook({ url: receiver.url, groupIds: [group.id] });
    const rotated = await app.gql<{ rotateWebhookSecret: { secret: string } }>('mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id }, cast.admin.as);
    const fresh = rotated.data!.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(old);
    const event = await addedEventOf(await addSomeone(group.id), group.id);
    await until('the delivery', () => forEvent(event.id).length === 1, 10_000);
    const [got] = forEvent(event.id);
    expect(String(got!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [old, fresh]) expect(() => new Verifier(secret).verify(got!.body, got!.headers as Record<string, string>)).not.toThrow();
    expect(() => new Verifier(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(got!.body, got!.headers as Record<string, string>)).toThrow();
  });

  it('filters by event type and by group', async () => {
    const a = await makeGroup(app, { name: `Filter A ${newId().slice(0, 6)}` });
    const b = await makeGroup(app, { name: `Filter B ${newId().slice(0, 6)}` });
    const byGroup = await createWebhook({ url: receiver.url, groupIds: [a.id] });
    const byType = await createWebhook({ url: receiver.url, eventTypes: ['membership.removed'], groupIds: [b.id] });
    const inA = await addedEventOf(await addSomeone(a.id), a.id);
    const inB = await addedEventOf(await addSomeone(b.id), b.id);
    await until('A’s delivery', () => forEvent(inA.id).length === 1, 10_000);
    const log = async (id: string) => (await deliveries(id)).map((d) => d.eventId);
    expect(await log(byGroup.id)).toEqual([inA.id]);
    expect(await log(byType.id)).not.toContain(inB.id);
  });

  it('disables an endpoint whose every delivery failed for 5 days, and tells the admins', async () => {
    const group = await makeGroup(app, { name: `Dead ${newId().slice(0, 6)}` });
    const { id } = await createWebhook({ url: receiver.url, groupIds: [group.id] });
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3600 * 1000);
    await app.dataSource.manager.update(WebhookEntity, { id }, { failingSince: sixDaysAgo });
    receiver.answer([500]);
    await addSomeone(group.id);
    await until('the endpoint to be disabled', async () => (await app.dataSource.manager.findOneByOrFail(WebhookEntity, { id })).enabled === false, 10_000);
    const read = await app.gql<{ webhook: { enabled: boolean; lastHttpStatus: number } }>('query ($id: ID!) { webhook(id: $id) { enabled lastHttpStatus } }', { id }, cast.admin.as);
    expect(read.data!.webhook).toEqual({ enabled: false, lastHttpStatus: 500 });
    const bell = await app.gql<{ notifications: { edges: { node: { title: string } }[] } }>('{ notifications(first: 20) { edges { node { title } } } }', {}, cast.admin.as);
    expect(bell.data!.notifications.edges.map((e) => e.node.title)).toContain(`Webhook disabled: ${receiver.url}`);
    receiver.answer([]);
  });

  it('sends a webhook.test delivery', async () => {
    const { id, secret } = await createWebhook({ url: receiver.url, eventTypes: ['review.closed'] });
    const sent = await app.gql<{ sendTestWebhook: { eventType: string; status: string } }>('mutation ($id: ID!) { sendTestWebhook(id: $id) { eventType status } }', { id }, cast.admin.as);
    expect(sent.data!.sendTestWebhook).toEqual({ eventType: 'webhook.test', status: 'PENDING' });
    await until('the test delivery', () => receiver.received.some((r) => JSON.parse(r.body).type === 'webhook.test' && JSON.parse(r.body).data.webhook.id === id), 10_000);
    const got = receiver.received.find((r) => JSON.parse(r.body).data.webhook?.id === id)!;
    expect(() => new Verifier(secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
  });
});

describe('webhooks refuse internal addresses (SSRF)', () => {
  let strict: TestApp;
  let strictCast: Cast;
  beforeAll(async () => {
    strict = await startTestApp({ WEBHOOK_RETRY_DELAYS: '0.05' });
    await strict.startDelivery();
    strictCast = await makeCast(strict);
  });
  afterAll(() => strict.close());

  it.each([
    ['loopback by address', () => receiver.url],
    ['loopback by name', () => receiver.url.replace('127.0.0.1', 'localhost')],
    ['link-local (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data'],
    ['a private network', () => 'http://10.1.2.3/hook'],
    ['IPv6 loopback', () => 'http://[::1]:9/hook'],
  ])('refuses %s at delivery time unless WEBHOOK_ALLOW_PRIVATE', async (_label, url) => {
    const created = await strict.gql<{ createWebhook: { webhook: { id: string } } }>(CREATE, { i: { url: url() } }, strictCast.admin.as);
    const id = created.data!.createWebhook.webhook.id;
    const before = receiver.received.length;
    await strict.gql('mutation ($id: ID!) { sendTestWebhook(id: $id) { id } }', { id }, strictCast.admin.as);
    let log: Delivery[] = [];
    await until('the refusal', async () => {
      const r = await strict.gql<{ webhook: { deliveries: { edges: { node: Delivery }[] } } }>(DELIVERIES, { id, f: true }, strictCast.admin.as);
      log = r.data!.webhook.deliveries.edges.map((e) => e.node);
      return log.length > 0;
    }, 10_000);
    expect(log[0]!.error).toMatch(/internal address/);
    expect(receiver.received.length).toBe(before);
    await strict.gql('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id }, strictCast.admin.as);
  });
});

describe('the event feed (SPEC §17)', () => {
  it('events: authorization matrix (admins and audit.read holders)', async () => {
    await expectMatrix(app, cast, '{ events(first: 1) { edges { cursor } } }', () => ({}), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const auditor = await makeUser(app, { permissions: ['audit.read'] });
    expect(outcome(await app.gql('{ events(first: 1) { edges { cursor } } }', {}, auditor.as))).toBe('OK');
  });

  it('refuses unknown types and forged cursors', async () => {
    expect(outcome(await app.gql('{ events(types: ["nope"]) { edges { cursor } } }', {}, cast.admin.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql('{ events(after: "eyJ4Ijoi") { edges { cursor } } }', {}, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('pages with the cursor: asking again after the last cursor returns only what is new', async () => {
    const first = await app.gql<{ events: { pageInfo: { endCursor: string } } }>('{ events(first: 100) { pageInfo { endCursor hasNextPage } } }', {}, cast.admin.as);
    let cursor = first.data!.events.pageInfo.endCursor;
    // Drain to the end.
    for (;;) {
      const page = await app.gql<{ events: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>('query ($a: String) { events(first: 100, after: $a) { pageInfo { endCursor hasNextPage } } }', { a: cursor }, cast.admin.as);
      if (page.data!.events.pageInfo.endCursor) cursor = page.data!.events.pageInfo.endCursor;
      if (!page.data!.events.pageInfo.hasNextPage) break;
    }
    const group = await makeGroup(app, { name: `Feed ${newId().slice(0, 6)}` });
    const member = await makeUser(app);
    expect((await app.gql(ADD, { g: group.id, u: [member.user.id] }, cast.admin.as)).errors).toBeUndefined();
    const removed = await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group.id, u: [member.user.id] }, cast.admin.as);
    expect(removed.errors).toBeUndefined();
    const next = await app.gql<{ events: { edges: { node: { type: string; data: EventData } }[] } }>('query ($a: String) { events(first: 100, after: $a) { edges { node { type data } } } }', { a: cursor }, cast.admin.as);
    const mine = next.data!.events.edges.map((e) => e.node).filter((e) => e.data.group?.id === group.id);
    expect(mine.map((e) => e.type)).toEqual(['membership.added', 'membership.removed']);
    expect(mine[1]!.data).toMatchObject({ user: { id: member.user.id }, group: { id: group.id, label: group.name }, cause: 'ADMIN' });
  });
});
