import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { makeCast, makeGroup, makeUser, type Cast } from './factories';
import { until } from './built-servers';
import { startReceiver } from './webhook-receiver';
import './provided';

/**
 * The feed follows COMMIT order (SPEC §17): a consumer that keeps its cursor and polls while many
 * transactions commit at once sees every event exactly once — the same list as the whole feed read
 * afterwards. With ids as a sequence hands them out (not commit order), a poll could see 43 while
 * 42 is still committing, move its cursor past 42 and never see it. On PostgreSQL the changes go
 * through two servers on one database; each webhook delivery then goes out once.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';
const CLIENTS = 8;
const ROUNDS = 25; // 8 × 25 = 200 changes

let a: TestApp;
let b: TestApp;
let cast: Cast;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  a = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  b = isPostgres ? await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' }, { sameDatabaseAs: a }) : a;
  await a.startDelivery();
  if (b !== a) await b.startDelivery();
  cast = await makeCast(a);
  receiver = await startReceiver();
});
afterAll(async () => {
  if (b !== a) await b.close();
  await a.close();
  await receiver.close();
});

type Page = { events: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
const FEED = 'query ($a: String) { events(first: 100, after: $a) { edges { node { id } } pageInfo { endCursor hasNextPage } } }';

/** Reads the feed from `after` to its end; returns the ids and the last cursor. */
async function drain(app: TestApp, after: string | null): Promise<{ ids: string[]; cursor: string | null }> {
  const ids: string[] = [];
  let cursor = after;
  for (;;) {
    const page = (await app.gql<Page>(FEED, { a: cursor }, cast.admin.as)).data!.events;
    ids.push(...page.edges.map((e) => e.node.id));
    if (page.pageInfo.endCursor) cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { ids, cursor };
  }
}

describe('the event feed under concurrent commits', () => {
  it('a polling consumer sees every event once, in the order of the whole feed; each webhook delivery goes out once', { timeout: 120_000 }, async () => {
    const start = (await drain(a, null)).cursor;
    const hook = await a.gql<{ createWebhook: { webhook: { id: string } } }>('mutation ($u: String!) { createWebhook(input: { url: $u }) { webhook { id } } }', { u: receiver.url }, cast.admin.as);
    expect(hook.errors).toBeUndefined();
    const groups = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => makeGroup(a, { name: `Order ${i} ${Date.now()}` })));
    const people = await Promise.all(Array.from({ length: CLIENTS }, () => makeUser(a)));
    const resource = await a.gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "doc", name: "Ordered", externalId: "ordered-1" }) { id } }', {}, cast.admin.as);
    const resourceId = resource.data!.createResource.id;

    // The consumer polls with its cursor while the writers run.
    const seen: string[] = [];
    let cursor = start;
    let writing = true;
    const consumer = (async () => {
      while (writing) {
        const got = await drain(a, cursor);
        seen.push(...got.ids);
        cursor = got.cursor;
      }
    })();

    const client = async (i: number) => {
      const app = i % 2 === 0 ? a : b;
      const group = groups[i]!.id;
      const user = people[i]!.user.id;
      for (let r = 0; r < ROUNDS; r++) {
        const op = r % 3;
        const result =
          op === 0
            ? await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', { g: group, u: [user] }, cast.admin.as)
            : op === 1
              ? await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group, u: [user] }, cast.admin.as)
              : await app.gql('mutation ($r: ID!, $g: ID!, $l: AccessLevel!) { grantAccess(resourceId: $r, groupId: $g, level: $l) { id } }', { r: resourceId, g: group, l: r % 2 ? 'READ' : 'WRITE' }, cast.admin.as);
        expect(result.errors).toBeUndefined();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    writing = false;
    await consumer;
    seen.push(...(await drain(a, cursor)).ids);

    const whole = (await drain(b, start)).ids;
    expect(whole.length).toBeGreaterThanOrEqual(CLIENTS * ROUNDS);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(whole);

    // Every event delivered to the endpoint once, whichever server sent it.
    const expected = new Set(whole);
    await until('every delivery', () => receiver.received.filter((r) => expected.has(String(r.headers['webhook-id']))).length >= expected.size, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const delivered = receiver.received.map((r) => String(r.headers['webhook-id'])).filter((id) => expected.has(id));
    expect(delivered.length).toBe(expected.size);
    expect(new Set(delivered).size).toBe(expected.size);
  });
});
