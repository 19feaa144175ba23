import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, ROLES, type Cast, type Role, type TestUser } from '../../../test/factories';
import {
  connect as connectTo,
  createGroup as createGroupThrough,
  disposeClients,
  latestCursor as latestCursorOf,
  signInCookie as signInCookieOf,
  EVENTS,
  FEED,
  groupNames,
  NOTIFICATIONS,
  PASSWORD,
  settle,
  subscribe,
  until,
  type Added,
  type As,
  type GroupEvent,
} from '../../../test/live-client';

/**
 * Live updates (SPEC §17) through the real graphql-ws client over a real WebSocket, against the
 * real server on both databases: connecting, `events` and `notificationAdded`. Losing the right,
 * server stop and two servers: subscriptions-lifecycle.test.ts.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  await app.startDelivery();
  cast = await makeCast(app);
});
afterAll(() => app.close());
afterAll(disposeClients);

// This file's server and admin unless a test names another.
const connect = (as: As, target: TestApp = app) => connectTo(target, as);
const latestCursor = (target: TestApp = app) => latestCursorOf(target, cast.admin);
const createGroup = (name: string, through: TestApp = app) => createGroupThrough(through, cast.admin, name);
const signInCookie = (user: TestUser) => signInCookieOf(app, user);

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
