import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, ROLES, type Cast, type Role, type TestUser } from '../../../test/factories';
import { hashSecret } from '../auth/secrets';
import { ApiTokenEntity } from '../tokens/api-token.entity';

/**
 * Live updates (SPEC §17) through the real graphql-ws client over a real WebSocket, against the
 * real server on both databases.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  await app.startDelivery();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const PASSWORD = 'a long enough password 42';
const EVENTS = 'subscription ($types: [String!], $after: String) { events(types: $types, after: $after) { id type cursor data } }';
const NOTIFICATIONS = 'subscription { notificationAdded { id title link } }';
const FEED = 'query ($after: String) { events(after: $after, first: 100) { edges { cursor node { id type } } } }';

interface Closed {
  code: number;
  reason: string;
}

interface Live {
  client: Client;
  closed: Promise<Closed>;
  isClosed: () => Closed | null;
}

interface As {
  cookie?: string;
  token?: string;
  origin?: string;
  url?: string;
}

const clients: Client[] = [];
afterAll(async () => {
  for (const client of clients) await client.dispose();
});

/** A graphql-ws client that sends the cookie with the handshake, or the token in connection_init. */
function connect(as: As, target: TestApp = app): Live {
  const headers: Record<string, string> = {};
  if (as.cookie) headers['cookie'] = as.cookie;
  if (as.origin) headers['origin'] = as.origin;
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let closed: Closed | null = null;
  let resolveClosed!: (c: Closed) => void;
  const closedPromise = new Promise<Closed>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: as.url ?? `${target.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: Socket,
    connectionParams: as.token ? { authorization: `Bearer ${as.token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed = { code: e.code, reason: String(e.reason) };
        resolveClosed(closed);
      },
    },
  });
  clients.push(client);
  return { client, closed: closedPromise, isClosed: () => closed };
}

interface Sub<T> {
  received: T[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  ended: () => boolean;
  dispose: () => void;
}

function subscribe<T>(live: Live, query: string, variables: Record<string, unknown> = {}): Sub<T> {
  const received: T[] = [];
  const errors: Sub<T>['errors'] = [];
  let ended = false;
  const dispose = live.client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...(result.errors as Sub<T>['errors']));
        if (result.data) received.push(result.data as T);
      },
      error: (error) => {
        ended = true;
        if (Array.isArray(error)) errors.push(...(error as Sub<T>['errors']));
      },
      complete: () => {
        ended = true;
      },
    },
  );
  return { received, errors, ended: () => ended, dispose };
}

async function until(what: string, predicate: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cursor of the newest event in the feed (subscribe after it: nothing older arrives). */
async function latestCursor(target: TestApp = app): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    const page: { data?: { events: { edges: { cursor: string }[] } } | null } = await target.gql(FEED, { after }, cast.admin.as);
    const edges = page.data!.events.edges;
    if (edges.length === 0) return after;
    after = edges[edges.length - 1]!.cursor;
  }
}

async function createGroup(name: string, through: TestApp = app): Promise<string> {
  const r = await through.gql<{ createGroup: { id: string } }>('mutation ($n: String!) { createGroup(input: { name: $n, internal: false }) { id } }', { n: name }, cast.admin.as);
  expect(r.errors).toBeUndefined();
  return r.data!.createGroup.id;
}

async function signInCookie(user: TestUser): Promise<string> {
  const r = await app.gql('mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', { e: user.user.email, p: PASSWORD });
  expect(r.errors).toBeUndefined();
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

type GroupEvent = { events: { id: string; type: string; cursor: string; data: { group?: { id: string; label: string } } } };
const groupNames = (sub: Sub<GroupEvent>) => sub.received.filter((e) => e.events.type === 'group.created').map((e) => e.events.data.group?.label);

describe('connecting: authenticated like HTTP', () => {
  it('by the session cookie of the upgrade request', async () => {
    const admin = await makeUser(app, { isAdmin: true, password: PASSWORD });
    const live = connect({ cookie: await signInCookie(admin) });
    const sub = subscribe<GroupEvent>(live, EVENTS, { after: await latestCursor(), types: ['group.created'] });
    await createGroup('Live Cookie');
    await until('the cookie subscriber hears group.created', () => groupNames(sub).includes('Live Cookie'));
    expect(sub.errors).toEqual([]);
  });

  it('by a Bearer API token in the connection_init payload', async () => {
    const live = connect({ token: cast.admin.token });
    const sub = subscribe<GroupEvent>(live, EVENTS, { after: await latestCursor(), types: ['group.created'] });
    await createGroup('Live Token');
    await until('the token subscriber hears group.created', () => groupNames(sub).includes('Live Token'));
  });

  it('refuses the anonymous, a wrong token and a foreign Origin', async () => {
    expect(await connect({}).closed).toMatchObject({ code: 4401 });
    expect(await connect({ token: 'ghp_not-a-token' }).closed).toMatchObject({ code: 4401 });
    // A page on another site cannot ride on the browser's cookie.
    const foreign = connect({ token: cast.admin.token, origin: 'https://evil.example' });
    expect((await foreign.closed).code).not.toBe(1000);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
    // The same origin (as a browser on this server sends it) is welcome.
    const own = connect({ token: cast.admin.token, origin: app.url });
    const sub = subscribe<GroupEvent>(own, EVENTS, { after: await latestCursor(), types: ['group.created'] });
    await createGroup('Live Same Origin');
    await until('the same-origin subscriber hears it', () => groupNames(sub).includes('Live Same Origin'));
  });

  it('refuses other paths', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${app.url.replace(/^http/, 'ws')}/elsewhere`, 'graphql-transport-ws');
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(404);
  });
});

describe('Subscription.events', () => {
  it('authorization matrix: admins (and audit.read holders) only', async () => {
    const outcomes: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const live = connect(role === 'anonymous' ? {} : { token: cast[role].token });
      if (role === 'anonymous') {
        outcomes[role] = (await live.closed).code === 4401 ? 'UNAUTHENTICATED' : 'OK';
        continue;
      }
      const sub = subscribe<GroupEvent>(live, EVENTS, { after: await latestCursor(), types: ['group.created'] });
      const name = `Matrix ${role}`;
      await createGroup(name);
      await until(`${role}: an event or an error`, () => sub.errors.length > 0 || groupNames(sub).includes(name));
      outcomes[role] = (sub.errors[0]?.extensions?.['code'] as string | undefined) ?? 'OK';
    }
    expect(outcomes).toEqual({ anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK' });

    const auditor = await makeUser(app, { permissions: ['audit.read'] });
    const sub = subscribe<GroupEvent>(connect({ token: auditor.token }), EVENTS, { after: await latestCursor(), types: ['group.created'] });
    await createGroup('Matrix auditor');
    await until('the audit.read holder hears it', () => groupNames(sub).includes('Matrix auditor'));
  });

  it('with after: first what was missed, then live — in commit order, none twice, as the feed has them', async () => {
    const start = await latestCursor();
    for (const n of [1, 2, 3]) await createGroup(`Missed ${n}`);
    const sub = subscribe<GroupEvent>(connect({ token: cast.admin.token }), EVENTS, { after: start });
    await until('the three missed events', () => groupNames(sub).filter((n) => n?.startsWith('Missed')).length === 3);
    for (const n of [4, 5]) await createGroup(`Missed ${n}`);
    await until('the two live events', () => groupNames(sub).filter((n) => n?.startsWith('Missed')).length === 5);
    await settle();
    expect(groupNames(sub).filter((n) => n?.startsWith('Missed'))).toEqual(['Missed 1', 'Missed 2', 'Missed 3', 'Missed 4', 'Missed 5']);

    // Exactly the feed after the same cursor: same ids, same order, nothing twice.
    const ids = sub.received.map((e) => Number(e.events.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const feed = await app.gql<{ events: { edges: { node: { id: string } }[] } }>(FEED, { after: start }, cast.admin.as);
    expect(feed.data!.events.edges.map((e) => Number(e.node.id)).slice(0, ids.length)).toEqual(ids);

    // Each event's cursor resumes right after it.
    const third = sub.received.find((e) => e.events.data.group?.label === 'Missed 3')!;
    const resumed = subscribe<GroupEvent>(connect({ token: cast.admin.token }), EVENTS, { after: third.events.cursor, types: ['group.created'] });
    await until('the resumed stream', () => groupNames(resumed).filter((n) => n?.startsWith('Missed')).length === 2);
    expect(groupNames(resumed).filter((n) => n?.startsWith('Missed'))).toEqual(['Missed 4', 'Missed 5']);
  });

  it('without after: only what commits from now on', async () => {
    await createGroup('Before Now');
    const sub = subscribe<GroupEvent>(connect({ token: cast.admin.token }), EVENTS, { types: ['group.created'] });
    await settle();
    await createGroup('After Now');
    await until('the new event', () => groupNames(sub).includes('After Now'));
    expect(groupNames(sub)).toEqual(['After Now']);
  });

  it('filters by type', async () => {
    const sub = subscribe<GroupEvent>(connect({ token: cast.admin.token }), EVENTS, { after: await latestCursor(), types: ['user.created'] });
    await createGroup('Filtered Out');
    const user = await makeUser(app, { displayName: 'Filtered In' });
    await until('user.created', () => sub.received.length > 0);
    await settle();
    expect(sub.received.map((e) => e.events.type)).toEqual(['user.created']);
    expect(sub.received[0]!.events.data).toMatchObject({ user: { id: user.user.id } });
  });

  it('answers bad input with a GraphQL error, and the connection carries on', async () => {
    const live = connect({ token: cast.admin.token });
    const cases: [string, Record<string, unknown>, string, string | undefined][] = [
      [EVENTS, { types: ['no.such_type'] }, 'BAD_USER_INPUT', 'VALIDATION'],
      [EVENTS, { after: 'not a cursor' }, 'BAD_USER_INPUT', 'INVALID_CURSOR'],
      [EVENTS, { after: 'abc\u0000def' }, 'BAD_USER_INPUT', 'VALIDATION'],
      [EVENTS, { types: 'group.created', after: 12 }, 'BAD_USER_INPUT', undefined],
      ['subscription { events(', {}, 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED'],
      ['subscription { nothingHere }', {}, 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ me { id } }', {}, 'BAD_USER_INPUT', 'NOT_A_SUBSCRIPTION'],
      ['mutation { signOut }', {}, 'BAD_USER_INPUT', 'NOT_A_SUBSCRIPTION'],
      [`subscription { notificationAdded { ${Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ')} } }`, {}, 'BAD_USER_INPUT', 'TOO_MANY_ALIASES'],
      ['subscription { a: notificationAdded { id } b: notificationAdded { id } }', {}, 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      [`subscription { notificationAdded { ${Array.from({ length: 2100 }, () => 'id').join(' ')} } }`, {}, 'BAD_USER_INPUT', 'TOO_MANY_TOKENS'],
    ];
    for (const [query, variables, code, reason] of cases) {
      const sub = subscribe(live, query, variables);
      await until(`an error for ${query.slice(0, 40)}`, () => sub.errors.length > 0);
      expect(sub.errors[0]!.extensions, query.slice(0, 60)).toMatchObject({ code, ...(reason ? { reason } : {}) });
      expect(JSON.stringify(sub.errors)).not.toMatch(/\n\s+at |SELECT|TypeError/);
    }
    expect(live.isClosed()).toBeNull();
    const sub = subscribe<GroupEvent>(live, EVENTS, { after: await latestCursor(), types: ['group.created'] });
    await createGroup('Still Serving');
    await until('the connection still serves', () => groupNames(sub).includes('Still Serving'));
  });
});

type Added = { notificationAdded: { id: string; title: string; link: string | null } };

describe('Subscription.notificationAdded', () => {
  it('streams the viewer’s own new notifications, once each, and nobody else’s', async () => {
    const leader = await makeUser(app);
    const group = await makeGroup(app, { leaders: [leader.user.id] });
    const bystander = await makeUser(app);
    const mine = subscribe<Added>(connect({ token: leader.token }), NOTIFICATIONS);
    const theirs = subscribe<Added>(connect({ token: bystander.token }), NOTIFICATIONS);
    await settle();
    const asker = await makeUser(app, { displayName: 'Asker Live' });
    const join = await app.gql('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "please") { request { id } } }', { g: group.id }, asker.as);
    expect(join.errors).toBeUndefined();
    await until('the leader hears of the request', () => mine.received.length === 1);
    const stored = await app.gql<{ notifications: { edges: { node: { id: string } }[] } }>('{ notifications(first: 5) { edges { node { id } } } }', {}, leader.as);
    expect(mine.received[0]!.notificationAdded.id).toBe(stored.data!.notifications.edges[0]!.node.id);
    // More commits wake the stream again; it sends nothing twice.
    await createGroup('Unrelated Wake');
    await settle();
    expect(mine.received).toHaveLength(1);
    expect(theirs.received).toEqual([]);
    expect(mine.errors).toEqual([]);
  });

  it('is for signed-in users of every kind', async () => {
    for (const role of ['user', 'leader', 'manager', 'admin'] as const) {
      const sub = subscribe<Added>(connect({ token: cast[role].token }), NOTIFICATIONS);
      await settle(100);
      expect(sub.errors, role).toEqual([]);
      expect(sub.ended(), role).toBe(false);
    }
  });
});

describe('a subscriber who loses the right is disconnected', () => {
  it('when their API token is revoked (4401)', async () => {
    const admin = await makeUser(app, { isAdmin: true });
    const live = connect({ token: admin.token });
    subscribe<GroupEvent>(live, EVENTS, {});
    await settle();
    const token = await app.dataSource.manager.findOneByOrFail(ApiTokenEntity, { tokenHash: hashSecret(admin.token) });
    expect((await app.gql('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: token.id }, cast.admin.as)).errors).toBeUndefined();
    const started = Date.now();
    expect(await live.closed).toMatchObject({ code: 4401 });
    expect(Date.now() - started).toBeLessThan(7_000);
  });

  it('when they sign out (4401)', async () => {
    const user = await makeUser(app, { password: PASSWORD });
    const cookie = await signInCookie(user);
    const live = connect({ cookie });
    subscribe<Added>(live, NOTIFICATIONS);
    await settle();
    expect((await app.gql('mutation { signOut }', {}, { cookie })).errors).toBeUndefined();
    expect(await live.closed).toMatchObject({ code: 4401 });
  });

  it('when they are deactivated (4401, at the commit)', async () => {
    const user = await makeUser(app);
    const live = connect({ token: user.token });
    subscribe<Added>(live, NOTIFICATIONS);
    await settle();
    const started = Date.now();
    expect((await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: user.user.id }, cast.admin.as)).errors).toBeUndefined();
    expect(await live.closed).toMatchObject({ code: 4401 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('when they lose admin (4403), or audit.read (4403)', async () => {
    const admin = await makeUser(app, { isAdmin: true });
    const live = connect({ token: admin.token });
    const sub = subscribe<GroupEvent>(live, EVENTS, {});
    await settle();
    expect((await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isAdmin: false }) { id } }', { id: admin.user.id }, cast.admin.as)).errors).toBeUndefined();
    expect(await live.closed).toMatchObject({ code: 4403 });
    // The demotion's own events (and anything after) never reached the demoted subscriber.
    expect(sub.received).toEqual([]);

    const auditor = await makeUser(app, { permissions: ['audit.read'] });
    const second = connect({ token: auditor.token });
    subscribe<GroupEvent>(second, EVENTS, {});
    await settle();
    expect((await app.gql('mutation ($id: ID!) { setUserPermissions(userId: $id, permissions: []) { id } }', { id: auditor.user.id }, cast.admin.as)).errors).toBeUndefined();
    expect(await second.closed).toMatchObject({ code: 4403 });
  });

  it('but a notifications-only subscriber who loses admin stays connected', async () => {
    const admin = await makeUser(app, { isAdmin: true });
    const live = connect({ token: admin.token });
    subscribe<Added>(live, NOTIFICATIONS);
    await settle();
    await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isAdmin: false }) { id } }', { id: admin.user.id }, cast.admin.as);
    await settle(1_000);
    expect(live.isClosed()).toBeNull();
  });
});

describe('server stop', () => {
  it('closes every socket (1001) and still stops promptly', async () => {
    const other = await startTestApp();
    const admin = await makeUser(other, { isAdmin: true });
    const live = connect({ token: admin.token }, other);
    subscribe<Added>(live, NOTIFICATIONS);
    await settle();
    const started = Date.now();
    await other.close();
    expect(await live.closed).toMatchObject({ code: 1001 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe.runIf(inject('templateDatabase').dialect === 'postgres')('two servers on one database (PostgreSQL)', () => {
  it('a subscriber on one server hears a change made through the other', async () => {
    const second = await startTestApp({}, { sameDatabaseAs: app });
    try {
      await second.startDelivery();
      const events = subscribe<GroupEvent>(connect({ token: cast.admin.token }, second), EVENTS, { after: await latestCursor(), types: ['group.created'] });
      const bell = subscribe<Added>(connect({ token: cast.leader.token }, second), NOTIFICATIONS);
      await settle();
      await createGroup('Across Servers', app);
      const asker = await makeUser(app);
      await app.gql('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "hi") { request { id } } }', { g: cast.group.id }, asker.as);
      await until('the other server’s subscriber hears the event', () => groupNames(events).includes('Across Servers'));
      await until('the other server’s bell rings', () => bell.received.length === 1);
    } finally {
      await second.close();
    }
  });
});
