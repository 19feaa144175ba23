import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, newId, outcome, type Cast, type TestUser } from '../../../test/factories';
import { MembershipEntity } from '../memberships/membership.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { GroupEntity } from '../groups/group.entity';
import { GroupRequestEntity } from './group-request.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const JOIN = 'mutation ($g: ID!, $r: String) { joinGroup(groupId: $g, reason: $r) { outcome group { id } request { id kind status reason } membership { source } } }';
const LEAVE = 'mutation ($g: ID!, $r: String) { leaveGroup(groupId: $g, reason: $r) { outcome request { id kind status } } }';
type JoinData = { joinGroup: { outcome: string; request: { id: string; status: string } | null; membership: { source: string } | null } };
const join = async (who: TestUser, g: string, r?: string) => app.gql<JoinData>(JOIN, { g, r }, who.as);
const leave = async (who: TestUser, g: string, r?: string) => app.gql<{ leaveGroup: { outcome: string; request: { id: string } | null } }>(LEAVE, { g, r }, who.as);
const setSettings = (i: Record<string, unknown>) => app.gql('mutation ($i: SettingsInput!) { updateSettings(input: $i) { autoLeave } }', { i }, cast.admin.as);
/** A person without groups.request (taken out of Member). */
async function withoutRequest(): Promise<TestUser> {
  const person = await makeUser(app);
  const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
  await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id, groupId: member.id });
  return person;
}

describe('SPEC §4 joinGroup, checks in order', () => {
  it('joinGroup authorization matrix: any signed-in user may call it; anonymous is UNAUTHENTICATED', async () => {
    const group = await makeGroup(app, { open: true });
    for (const who of [cast.user, cast.leader, cast.manager, cast.admin]) expect(outcome(await join(who, group.id))).toBe('OK');
    expect(outcome(await app.gql(JOIN, { g: group.id }))).toBe('UNAUTHENTICATED');
  });

  it('§4.1 an unknown, malformed or invisible id is NOT_FOUND', async () => {
    const hiddenPrivate = await makeGroup(app, { hidden: true });
    const person = await withoutRequest();
    expect(outcome(await join(cast.user, newId()))).toBe('NOT_FOUND');
    expect(outcome(await join(cast.user, 'nope'))).toBe('NOT_FOUND');
    expect(outcome(await join(person, hiddenPrivate.id))).toBe('NOT_FOUND');
  });

  it('§4.2 an internal group is FORBIDDEN (GROUP_INTERNAL), even to a member who can see it', async () => {
    const leader = await makeUser(app);
    const internal = await makeGroup(app, { internal: true, open: true, leaders: [leader.user.id] });
    // the leader sees the internal group (so it is not NOT_FOUND) but may still not join it
    expect((await join(leader, internal.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GROUP_INTERNAL' });
    expect(await app.dataSource.manager.countBy(MembershipEntity, { groupId: internal.id })).toBe(0);
  });

  it('§4.3 a current member gets ALREADY_MEMBER and nothing changes', async () => {
    const group = await makeGroup(app, { members: [cast.user.user.id] });
    expect((await join(cast.user, group.id)).data?.joinGroup.outcome).toBe('ALREADY_MEMBER');
    expect(await app.dataSource.manager.countBy(GroupRequestEntity, { groupId: group.id })).toBe(0);
  });

  it('§4.4 without groups.request a non-public group is FORBIDDEN (MISSING_PERMISSION); a public one is fine', async () => {
    const person = await withoutRequest();
    const led = await makeGroup(app, { leaders: [person.user.id] }); // visible because they lead it
    expect((await join(person, led.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    const pub = await makeGroup(app, { public: true, open: true });
    expect((await join(person, pub.id)).data?.joinGroup.outcome).toBe('JOINED');
  });

  it('§4.5 an open group is joined at once (OPEN_JOIN), refuses when full, and cancels a stale pending request', async () => {
    const group = await makeGroup(app, { maxMembers: 1 });
    const person = await makeUser(app);
    expect((await join(person, group.id)).data?.joinGroup.outcome).toBe('REQUESTED');
    await app.gql('mutation ($id: ID!) { updateGroup(id: $id, input: { open: true }) { id } }', { id: group.id }, cast.admin.as);
    const joined = await join(person, group.id);
    expect(joined.data?.joinGroup).toMatchObject({ outcome: 'JOINED', membership: { source: 'OPEN_JOIN' } });
    expect(await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { userId: person.user.id, groupId: group.id })).toMatchObject({ status: 'CANCELLED' });
    const late = await makeUser(app);
    expect((await join(late, group.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'GROUP_FULL' });
  });

  it('§4.5 an open but restricted group takes requests, not joins', async () => {
    const group = await makeGroup(app, { open: true, restricted: true });
    expect((await join(await makeUser(app), group.id)).data?.joinGroup.outcome).toBe('REQUESTED');
  });

  it('§4.6 a pending request (join or leave) gives ALREADY_REQUESTED and nothing changes', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app);
    const first = await join(person, group.id, 'please');
    const again = await join(person, group.id, 'please please');
    expect(again.data?.joinGroup).toMatchObject({ outcome: 'ALREADY_REQUESTED', request: { id: first.data?.joinGroup.request?.id } });
    expect(await app.dataSource.manager.countBy(GroupRequestEntity, { userId: person.user.id, groupId: group.id })).toBe(1);
  });

  it('§4.6 two identical joins at the same moment create one request (the database settles it)', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app);
    const results = await Promise.all([join(person, group.id), join(person, group.id), join(person, group.id)]);
    expect(results.map((r) => r.data?.joinGroup.outcome).sort()).toEqual(['ALREADY_REQUESTED', 'ALREADY_REQUESTED', 'REQUESTED']);
    expect(await app.dataSource.manager.countBy(GroupRequestEntity, { userId: person.user.id, groupId: group.id })).toBe(1);
  });

  it('§4.7 a reason is required when settings say so', async () => {
    await setSettings({ requireRequestReason: true });
    try {
      const group = await makeGroup(app);
      const person = await makeUser(app);
      expect((await join(person, group.id)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
      expect((await join(person, group.id, '   ')).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect((await join(person, group.id, 'I run the wiki')).data?.joinGroup.outcome).toBe('REQUESTED');
    } finally {
      await setSettings({ requireRequestReason: false });
    }
  });

  it('§4.8 a request notifies the leaders; with no leaders, managers and admins (never nobody)', async () => {
    const led = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const before = await app.dataSource.manager.countBy(NotificationEntity, { userId: cast.leader.user.id });
    await join(await makeUser(app), led.id, 'hi');
    expect(await app.dataSource.manager.countBy(NotificationEntity, { userId: cast.leader.user.id })).toBe(before + 1);
    const orphan = await makeGroup(app);
    const counts = async () => Promise.all([cast.manager, cast.admin, cast.leader].map((u) => app.dataSource.manager.countBy(NotificationEntity, { userId: u.user.id })));
    const [m0, a0, l0] = await counts();
    await join(await makeUser(app), orphan.id);
    const [m1, a1, l1] = await counts();
    expect([m1! - m0!, a1! - a0!, l1! - l0!]).toEqual([1, 1, 0]);
  });

  it('refuses an over-long reason and changes nothing', async () => {
    const group = await makeGroup(app);
    const person = await makeUser(app);
    expect(outcome(await join(person, group.id, 'r'.repeat(1001)))).toBe('BAD_USER_INPUT');
    expect(await app.dataSource.manager.countBy(GroupRequestEntity, { userId: person.user.id })).toBe(0);
  });
});

describe('SPEC §5 leaveGroup, checks in order', () => {
  it('leaveGroup authorization matrix: any signed-in user; anonymous is UNAUTHENTICATED', async () => {
    const group = await makeGroup(app, { open: true, members: [cast.user.user.id, cast.leader.user.id, cast.manager.user.id, cast.admin.user.id] });
    for (const who of [cast.user, cast.leader, cast.manager, cast.admin]) expect((await leave(who, group.id)).data?.leaveGroup.outcome).toBe('LEFT');
    expect(outcome(await app.gql(LEAVE, { g: group.id }))).toBe('UNAUTHENTICATED');
  });

  it('§5.1 unknown id NOT_FOUND; §5.2 internal FORBIDDEN (GROUP_INTERNAL); §5.3 NOT_MEMBER', async () => {
    expect(outcome(await leave(cast.user, newId()))).toBe('NOT_FOUND');
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    expect((await leave(cast.user, member.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GROUP_INTERNAL' });
    const group = await makeGroup(app);
    expect((await leave(cast.user, group.id)).data?.leaveGroup.outcome).toBe('NOT_MEMBER');
  });

  it('§5.4 leaving an open group happens at once, even without groups.request', async () => {
    const person = await withoutRequest();
    const group = await makeGroup(app, { open: true, public: true, members: [person.user.id] });
    expect((await leave(person, group.id)).data?.leaveGroup.outcome).toBe('LEFT');
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id, groupId: group.id })).toBe(0);
  });

  it('§5.5 a pending leave request gives ALREADY_REQUESTED; §5.7 otherwise a LEAVE request is made', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app, { members: [person.user.id] });
    const first = await leave(person, group.id, 'moving on');
    expect(first.data?.leaveGroup).toMatchObject({ outcome: 'REQUESTED', request: { kind: 'LEAVE', status: 'PENDING' } });
    expect((await leave(person, group.id)).data?.leaveGroup.outcome).toBe('ALREADY_REQUESTED');
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id, groupId: group.id })).toBe(1);
  });

  it('§5.6 with autoLeave on, leaving happens at once and viewerCan says so', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app, { members: [person.user.id] });
    const can = async () => ((await app.gql('query ($id: ID!) { group(id: $id) { viewerCan { leave requestLeave } } }', { id: group.id }, person.as)).data as { group: { viewerCan: unknown } }).group.viewerCan;
    expect(await can()).toEqual({ leave: false, requestLeave: true });
    await setSettings({ autoLeave: true });
    try {
      expect(await can()).toEqual({ leave: true, requestLeave: false });
      expect((await leave(person, group.id)).data?.leaveGroup.outcome).toBe('LEFT');
    } finally {
      await setSettings({ autoLeave: false });
    }
  });

  it('leaving runs the cascade: leaving the only source of groups.request leaves the non-public groups too', async () => {
    const person = await withoutRequest();
    const source = await makeGroup(app, { public: true, open: true, permissions: ['groups.request'], members: [person.user.id] });
    const other = await makeGroup(app, { members: [person.user.id] });
    expect((await leave(person, source.id)).data?.leaveGroup.outcome).toBe('LEFT');
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id, groupId: other.id })).toBe(0);
  });
});
