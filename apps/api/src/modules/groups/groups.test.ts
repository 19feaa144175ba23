import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast } from '../../../test/factories';
import { MembershipEntity } from '../memberships/membership.entity';
import { GroupEntity } from './group.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const CREATE = 'mutation ($i: CreateGroupInput!) { createGroup(input: $i) { id name internal permissions viewerCan { update delete } } }';
const UPDATE = 'mutation ($id: ID!, $i: UpdateGroupInput!) { updateGroup(id: $id, input: $i) { id name description open maxMembers permissions } }';
const DELETE = 'mutation ($id: ID!) { deleteGroup(id: $id) }';
const LEADERS = 'mutation ($g: ID!, $u: [ID!]!, $lg: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: $lg) { leaders { id } leaderGroups { id } } }';
const ADD = 'mutation ($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { source user { id } expiresAt } }';
const REMOVE = 'mutation ($g: ID!, $u: [ID!]!, $r: String) { removeGroupMembers(groupId: $g, userIds: $u, reason: $r) }';
let n = 0;
const name = () => `Made ${n++} ${Date.now()}`;

describe('createGroup', () => {
  it('authorization matrix: admins, and managers for self-service groups', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ i: { name: name(), internal: false } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'OK', admin: 'OK',
    });
  });

  it('defaults to internal, and refuses managers internal groups or permissions', async () => {
    const made = await app.gql(CREATE, { i: { name: name() } }, cast.admin.as);
    expect(made.data).toMatchObject({ createGroup: { internal: true, viewerCan: { update: true, delete: true } } });
    expect((await app.gql(CREATE, { i: { name: name() } }, cast.manager.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY_FLAGS' });
    expect((await app.gql(CREATE, { i: { name: name(), internal: false, permissions: ['audit.read'] } }, cast.manager.as)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ADMIN_ONLY_PERMISSIONS',
    });
  });

  it.each([
    ['an empty name', { name: '   ' }, 'BAD_USER_INPUT'],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, 'BAD_USER_INPUT'],
    ['a description of 2001 characters', { description: 'd'.repeat(2001) }, 'BAD_USER_INPUT'],
    ['maxMembers 0', { maxMembers: 0 }, 'BAD_USER_INPUT'],
    ['metadata over 16 KB', { metadata: { blob: 'm'.repeat(17_000) } }, 'BAD_USER_INPUT'],
    ['metadata that is not an object', { metadata: [1, 2] }, 'BAD_USER_INPUT'],
    ['an unknown permission', { permissions: ['nope.never'] }, 'BAD_USER_INPUT'],
    ['an unknown shareable value', { shareable: 'SOMETIMES' }, 'BAD_USER_INPUT'],
  ])('refuses %s and creates nothing', async (_label, override, code) => {
    const before = await app.dataSource.manager.count(GroupEntity);
    const result = await app.gql(CREATE, { i: { name: name(), ...override } }, cast.admin.as);
    expect(result.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(await app.dataSource.manager.count(GroupEntity)).toBe(before);
  });

  it('refuses a duplicate name ignoring case and surrounding spaces', async () => {
    const first = name();
    expect(outcome(await app.gql(CREATE, { i: { name: first } }, cast.admin.as))).toBe('OK');
    const again = await app.gql(CREATE, { i: { name: `  ${first.toUpperCase()} ` } }, cast.admin.as);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAME_TAKEN' });
  });
});

describe('updateGroup', () => {
  it('authorization matrix on a self-service group: managers and admins', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await expectMatrix(app, cast, UPDATE, () => ({ id: group.id, i: { description: `d${n++}` } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'OK', admin: 'OK',
    });
  });

  it('on an internal group: only admins (others do not see it at all)', async () => {
    const group = await makeGroup(app, { internal: true, leaders: [cast.leader.user.id] });
    await expectMatrix(app, cast, UPDATE, () => ({ id: group.id, i: { description: `d${n++}` } }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('lets only admins change permissions, and removes the maxMembers limit with null', async () => {
    const group = await makeGroup(app, { maxMembers: 5 });
    expect((await app.gql(UPDATE, { id: group.id, i: { permissions: ['audit.read'] } }, cast.manager.as)).errors?.[0]?.extensions?.['reason']).toBe('ADMIN_ONLY_PERMISSIONS');
    const ok = await app.gql(UPDATE, { id: group.id, i: { permissions: ['audit.read'], maxMembers: null } }, cast.admin.as);
    expect(ok.data).toMatchObject({ updateGroup: { permissions: ['audit.read'], maxMembers: null } });
  });

  it('refuses renaming the built-in groups', async () => {
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    const result = await app.gql(UPDATE, { id: member.id, i: { name: 'Everyone' } }, cast.admin.as);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BUILT_IN_GROUP' });
  });

  it('§8 removing groups.request from a group cascades: members lose their non-public groups', async () => {
    const carrier = await makeGroup(app, { internal: true, permissions: ['groups.request'] });
    const person = await makeUser(app);
    // take the person out of Member so the carrier is their only source of groups.request
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id, groupId: member.id });
    await addMember(app, carrier.id, person.user.id);
    const other = await makeGroup(app, { members: [person.user.id] });
    const open = await makeGroup(app, { public: true, members: [person.user.id] });
    await app.gql(UPDATE, { id: carrier.id, i: { permissions: [] } }, cast.admin.as);
    const left = (await app.dataSource.manager.findBy(MembershipEntity, { userId: person.user.id })).map((m) => m.groupId);
    expect(left).toEqual([open.id]);
    expect(left).not.toContain(other.id);
    const events = await app.gql('query ($u: ID) { auditEvents(filter: { userId: $u, action: "MEMBER_REMOVED" }) { edges { node { actorId actorLabel details } } } }', { u: person.user.id }, cast.admin.as);
    const nodes = (events.data as { auditEvents: { edges: { node: { actorId: string | null; details: { cause: string } } }[] } }).auditEvents.edges.map((e) => e.node);
    expect(nodes.length).toBe(2);
    expect(nodes.every((e) => e.actorId === null && e.details.cause === 'CASCADE')).toBe(true);
  });
});

describe('deleteGroup', () => {
  it('authorization matrix: admins only', async () => {
    const groups = await Promise.all([1, 2, 3, 4, 5].map(() => makeGroup(app, { leaders: [cast.leader.user.id] })));
    let i = 0;
    await expectMatrix(app, cast, DELETE, () => ({ id: groups[i++]!.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('refuses the built-in groups, and ends memberships of a deleted group with audit rows', async () => {
    const system = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'SYSTEM' });
    expect((await app.gql(DELETE, { id: system.id }, cast.admin.as)).errors?.[0]?.extensions?.['reason']).toBe('BUILT_IN_GROUP');
    const person = await makeUser(app);
    const group = await makeGroup(app, { members: [person.user.id] });
    expect((await app.gql(DELETE, { id: group.id }, cast.admin.as)).data).toEqual({ deleteGroup: true });
    expect(await app.dataSource.manager.countBy(MembershipEntity, { groupId: group.id })).toBe(0);
    const history = await app.gql('query ($g: ID) { auditEvents(filter: { groupId: $g }) { edges { node { action groupLabel } } } }', { g: group.id }, cast.admin.as);
    const actions = (history.data as { auditEvents: { edges: { node: { action: string; groupLabel: string } }[] } }).auditEvents.edges.map((e) => e.node);
    expect(actions.map((a) => a.action)).toEqual(['GROUP_DELETED', 'MEMBER_REMOVED']);
    expect(actions[0]!.groupLabel).toBe(group.name);
  });
});

describe('setGroupLeaders', () => {
  it('authorization matrix on a self-service group: managers and admins', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await expectMatrix(app, cast, LEADERS, () => ({ g: group.id, u: [cast.leader.user.id, cast.user.user.id], lg: [] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'OK', admin: 'OK',
    });
  });

  it('makes direct members of a leader group leaders — not transitively', async () => {
    const group = await makeGroup(app);
    const leaderGroup = await makeGroup(app);
    const insider = await makeUser(app);
    const leadsTheLeaderGroup = await makeUser(app);
    await addMember(app, leaderGroup.id, insider.user.id);
    await app.gql(LEADERS, { g: leaderGroup.id, u: [leadsTheLeaderGroup.user.id], lg: [] }, cast.admin.as);
    await app.gql(LEADERS, { g: group.id, u: [], lg: [leaderGroup.id] }, cast.admin.as);
    const can = async (who: typeof insider) =>
      ((await app.gql('query ($id: ID!) { group(id: $id) { viewerCan { decideRequests addMembers } } }', { id: group.id }, who.as)).data as { group: { viewerCan: { addMembers: boolean } } }).group.viewerCan.addMembers;
    expect(await can(insider)).toBe(true);
    expect(await can(leadsTheLeaderGroup)).toBe(false);
  });

  it('refuses unknown ids and a group leading itself', async () => {
    const group = await makeGroup(app);
    expect(outcome(await app.gql(LEADERS, { g: group.id, u: [newId()], lg: [] }, cast.admin.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(LEADERS, { g: group.id, u: [], lg: [group.id] }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });
});

describe('SPEC §7 managing members: addGroupMembers / removeGroupMembers', () => {
  it('add: authorization matrix on a self-service group (leader, manager, admin)', async () => {
    const targets = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(app)));
    let i = 0;
    await expectMatrix(app, cast, ADD, () => ({ g: cast.group.id, u: [targets[i++]!.user.id] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('add: restricted and internal groups only through an admin', async () => {
    for (const flags of [{ restricted: true }, { internal: true }]) {
      const group = await makeGroup(app, { ...flags, leaders: [cast.leader.user.id] });
      const target = await makeUser(app);
      expect(outcome(await app.gql(ADD, { g: group.id, u: [target.user.id] }, cast.leader.as))).toBe('FORBIDDEN');
      expect(outcome(await app.gql(ADD, { g: group.id, u: [target.user.id] }, cast.manager.as))).toMatch(/FORBIDDEN|NOT_FOUND/);
      expect(outcome(await app.gql(ADD, { g: group.id, u: [target.user.id] }, cast.admin.as))).toBe('OK');
    }
  });

  it('escalation guard: a leader may not add members to a group carrying a permission they lack', async () => {
    const group = await makeGroup(app, { permissions: ['audit.read'], leaders: [cast.leader.user.id] });
    const target = await makeUser(app);
    const result = await app.gql(ADD, { g: group.id, u: [target.user.id] }, cast.leader.as);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ESCALATION' });
    expect(await app.dataSource.manager.countBy(MembershipEntity, { groupId: group.id })).toBe(0);
  });

  it('skips current members, refuses unknown or inactive users without adding anyone, honours maxMembers', async () => {
    const group = await makeGroup(app, { maxMembers: 2 });
    const a = await makeUser(app);
    const b = await makeUser(app);
    const c = await makeUser(app);
    expect((await app.gql(ADD, { g: group.id, u: [a.user.id] }, cast.admin.as)).data).toMatchObject({ addGroupMembers: [{ source: 'ADDED', user: { id: a.user.id } }] });
    expect((await app.gql(ADD, { g: group.id, u: [a.user.id] }, cast.admin.as)).data).toEqual({ addGroupMembers: [] });
    expect(outcome(await app.gql(ADD, { g: group.id, u: [b.user.id, newId()] }, cast.admin.as))).toBe('BAD_USER_INPUT');
    expect((await app.gql(ADD, { g: group.id, u: [b.user.id, c.user.id] }, cast.admin.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'GROUP_FULL' });
    expect(await app.dataSource.manager.countBy(MembershipEntity, { groupId: group.id })).toBe(1);
  });

  it('only service accounts join the System group', async () => {
    const system = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'SYSTEM' });
    const human = await makeUser(app);
    expect(outcome(await app.gql(ADD, { g: system.id, u: [human.user.id] }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('expiring memberships stop counting at once', async () => {
    const group = await makeGroup(app, { permissions: ['audit.read'] });
    const person = await makeUser(app);
    await addMember(app, group.id, person.user.id, new Date(Date.now() - 1000));
    const me = await app.gql('{ me { effectivePermissions memberships { group { id } } } }', {}, person.as);
    expect(me.data).toEqual({ me: { effectivePermissions: ['groups.request'], memberships: [expect.objectContaining({})] } });
    expect(JSON.stringify(me.data)).not.toContain(group.id);
    const count = await app.gql('query ($id: ID!) { group(id: $id) { memberCount } }', { id: group.id }, cast.admin.as);
    expect(count.data).toEqual({ group: { memberCount: 0 } });
  });

  it('remove: authorization matrix, ignores non-members and returns the count removed', async () => {
    const targets = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(app)));
    for (const t of targets) await addMember(app, cast.group.id, t.user.id);
    let i = 0;
    await expectMatrix(app, cast, REMOVE, () => ({ g: cast.group.id, u: [targets[i++]!.user.id] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    const stranger = await makeUser(app);
    expect((await app.gql(REMOVE, { g: cast.group.id, u: [stranger.user.id], r: 'tidy' }, cast.admin.as)).data).toEqual({ removeGroupMembers: 0 });
    expect(outcome(await app.gql(REMOVE, { g: cast.group.id, u: [stranger.user.id], r: 'r'.repeat(1001) }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });
});

describe('group visibility', () => {
  it('hides internal groups from outsiders and reaches hidden ones by id', async () => {
    const internal = await makeGroup(app, { internal: true });
    const hidden = await makeGroup(app, { hidden: true });
    const q = 'query ($id: ID!) { group(id: $id) { id } }';
    expect((await app.gql(q, { id: internal.id }, cast.user.as)).data).toEqual({ group: null });
    expect((await app.gql(q, { id: hidden.id }, cast.user.as)).data).toEqual({ group: { id: hidden.id } });
    expect((await app.gql(q, { id: 'garbage' }, cast.user.as)).data).toEqual({ group: null });
    const list = await app.gql('{ groups(first: 100) { edges { node { id } } } }', {}, cast.user.as);
    const ids = JSON.stringify(list.data);
    expect(ids).not.toContain(internal.id);
    expect(ids).not.toContain(hidden.id);
  });
});
