import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeUser, type Cast, type TestUser } from '../../../test/factories';
import { hashSecret } from '../auth/secrets';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import {
  connect as connectTo,
  createGroup as createGroupThrough,
  disposeClients,
  latestCursor as latestCursorOf,
  signInCookie as signInCookieOf,
  EVENTS,
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
 * A live subscription's life (SPEC §17): it ends when its subscriber loses the right, when the
 * server stops, and it hears changes made through another server (PostgreSQL).
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

// Several servers share PostgreSQL only: SQLite is served by one process (config.ts refuses WORKERS > 1
// on it), so the SQLite run has no such case to register — rather than one it reports as skipped.
if (inject('templateDatabase').dialect === 'postgres') {
  describe('two servers on one database (PostgreSQL)', () => {
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
}
