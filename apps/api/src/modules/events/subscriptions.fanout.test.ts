import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeUser, type Cast, type TestUser } from '../../../test/factories';
import { connect as connectTo, createGroup as createGroupThrough, disposeClients, EVENTS, groupNames, latestCursor as latestCursorOf, settle, subscribe, until, type As, type GroupEvent, type Live, type Sub } from '../../../test/live-client';

/**
 * One commit reaching many subscribers (SPEC §17). The server reads the feed once for all the
 * streams at one position, checks each distinct credential once per wake-up, and executes an event
 * once per distinct operation (subscriptions.live.ts, subscriptions.execute.ts): none of that may
 * hand a subscriber another's selection, a row twice, or anything after it lost the right.
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

const connect = (as: As) => connectTo(app, as);
const createGroup = (name: string) => createGroupThrough(app, cast.admin, name);

/** The same events, selected another way: the shared execution must not mix the two shapes. */
const NARROW = 'subscription ($types: [String!], $after: String) { events(types: $types, after: $after) { id actorLabel } }';
type Narrow = { events: { id: string; actorLabel: string } };
const USERS = 'subscription ($after: String) { events(types: ["user.deactivated"], after: $after) { id type data } }';
type UserEvent = { events: { id: string; type: string; data: { user?: { id: string } } } };

describe('fan-out: one commit, many subscribers', () => {
  it('every subscriber gets each event once, as its own operation selects it', async () => {
    const accounts: TestUser[] = [];
    for (let i = 0; i < 3; i++) accounts.push(await makeUser(app, { isAdmin: true }), await makeUser(app, { permissions: ['audit.read'] }));
    const after = await latestCursorOf(app, cast.admin);
    const wide: Sub<GroupEvent>[] = [];
    const narrow: Sub<Narrow>[] = [];
    // Four sockets per account (a service's replicas), each with a wide and a narrow stream; half
    // of the wide ones for group.created only, half for every type.
    for (const account of accounts) {
      for (let k = 0; k < 4; k++) {
        const live = connect({ token: account.token });
        wide.push(subscribe<GroupEvent>(live, EVENTS, k % 2 === 0 ? { after, types: ['group.created'] } : { after }));
        narrow.push(subscribe<Narrow>(live, NARROW, { after, types: ['group.created'] }));
      }
    }
    await settle();
    const names = ['Fan A', 'Fan B', 'Fan C'];
    for (const name of names) await createGroup(name);
    await until('every wide stream has the three', () => wide.every((s) => groupNames(s).filter((n) => n?.startsWith('Fan ')).length === 3));
    await until('every narrow stream has the three', () => narrow.every((s) => s.received.length >= 3));
    await settle();

    const created = (sub: Sub<GroupEvent>) => sub.received.filter((e) => e.events.type === 'group.created').map((e) => e.events.id);
    const ids = created(wide[0]!);
    expect(ids).toHaveLength(3);
    for (const sub of wide) {
      expect(sub.errors).toEqual([]);
      expect(groupNames(sub)).toEqual(names);
      expect(created(sub)).toEqual(ids);
      expect(new Set(sub.received.map((e) => e.events.id)).size).toBe(sub.received.length);
      for (const e of sub.received) expect(Object.keys(e.events).sort()).toEqual(['cursor', 'data', 'id', 'type']);
    }
    for (const sub of narrow) {
      expect(sub.errors).toEqual([]);
      expect(sub.received.map((e) => e.events)).toEqual(ids.map((id) => ({ id, actorLabel: expect.any(String) as string })));
    }
  });

  it('a subscriber whose right ends with the commit gets nothing of it, while the others get it', async () => {
    const leaving = await makeUser(app, { isAdmin: true });
    const staying = await makeUser(app, { isAdmin: true });
    const after = await latestCursorOf(app, cast.admin);
    const open = (who: TestUser) => Array.from({ length: 6 }, () => {
      const live = connect({ token: who.token });
      return { live, sub: subscribe<UserEvent>(live, USERS, { after }) };
    });
    const gone: { live: Live; sub: Sub<UserEvent> }[] = open(leaving);
    const kept = open(staying);
    await settle();
    // Deactivating `leaving` commits the user.deactivated event and the end of their token at once.
    const deactivate = await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: leaving.user.id }, cast.admin.as);
    expect(deactivate.errors).toBeUndefined();
    for (const { live } of gone) expect(await live.closed).toMatchObject({ code: 4401 });
    await until('every other subscriber hears it', () => kept.every(({ sub }) => sub.received.some((e) => e.events.data.user?.id === leaving.user.id)));
    for (const { sub } of gone) expect(sub.received).toEqual([]);
    for (const { live, sub } of kept) {
      expect(live.isClosed()).toBeNull();
      expect(sub.received.filter((e) => e.events.data.user?.id === leaving.user.id)).toHaveLength(1);
    }
  });
});
