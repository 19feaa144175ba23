import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast } from '../../../test/factories';
import { Db } from '../../db/db';
import { viewerFor } from '../auth/authenticate';
import { GroupLeaderGroupEntity } from '../groups/group-leader-group.entity';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { UserEntity } from './user.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const CREATE = 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id email kind isAdmin memberships { source group { name } } effectivePermissions } }';
const UPDATE = 'mutation ($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id displayName isActive isAdmin } }';
let n = 0;
const fresh = () => ({ email: `new-${n++}-${Date.now()}@example.com`, displayName: 'New Person' });

describe('createUser', () => {
  it('authorization matrix: admins only', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ i: fresh() }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('puts a new human in Member (source DEFAULT) with groups.request', async () => {
    const result = await app.gql(CREATE, { i: fresh() }, cast.admin.as);
    expect(result.data).toMatchObject({
      createUser: { kind: 'HUMAN', memberships: [{ source: 'DEFAULT', group: { name: 'Member' } }], effectivePermissions: ['groups.request'] },
    });
  });

  it('puts a service account in System and nowhere else', async () => {
    const result = await app.gql(CREATE, { i: { ...fresh(), kind: 'SERVICE' } }, cast.admin.as);
    expect(result.data).toMatchObject({ createUser: { kind: 'SERVICE', memberships: [{ group: { name: 'System' } }], effectivePermissions: [] } });
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
    ['a short password', { password: 'short' }, 'password'],
    ['the email as password', { email: 'same.as.password@example.com', password: 'same.as.password@example.com' }, 'password'],
    ['a password for a service account', { kind: 'SERVICE', password: 'a long enough password' }, 'password'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_name, override, field) => {
    const before = await app.dataSource.manager.count(UserEntity);
    const result = await app.gql(CREATE, { i: { ...fresh(), ...override } }, cast.admin.as);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    expect((result.errors?.[0]?.extensions?.['details'] as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await app.dataSource.manager.count(UserEntity)).toBe(before);
  });

  it('refuses an over-long email at the schema boundary', async () => {
    const result = await app.gql(CREATE, { i: { ...fresh(), email: `${'x'.repeat(300)}@example.com` } }, cast.admin.as);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
  });

  it('refuses a duplicate email ignoring case with CONFLICT (EMAIL_TAKEN)', async () => {
    const input = fresh();
    expect(outcome(await app.gql(CREATE, { i: input }, cast.admin.as))).toBe('OK');
    const again = await app.gql(CREATE, { i: { ...input, email: input.email.toUpperCase() } }, cast.admin.as);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('joins the configured default groups instead of Member when settings say so', async () => {
    const group = await makeGroup(app, { name: 'Newcomers' });
    await app.gql('mutation ($ids: [ID!]) { updateSettings(input: { defaultGroupIds: $ids }) { defaultGroups { name } } }', { ids: [group.id] }, cast.admin.as);
    const result = await app.gql(CREATE, { i: fresh() }, cast.admin.as);
    expect(result.data).toMatchObject({ createUser: { memberships: [{ group: { name: 'Newcomers' } }] } });
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    await app.gql('mutation ($ids: [ID!]) { updateSettings(input: { defaultGroupIds: $ids }) { autoLeave } }', { ids: [member.id] }, cast.admin.as);
  });
});

describe('updateUser', () => {
  it('authorization matrix for another user: admins only (others do not even see a target they may not edit)', async () => {
    const target = await makeUser(app);
    await expectMatrix(app, cast, UPDATE, () => ({ id: target.user.id, i: { displayName: 'Renamed' } }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'NOT_FOUND', manager: 'NOT_FOUND', admin: 'OK',
    });
  });

  it('lets people rename themselves but not make themselves admin', async () => {
    const self = await makeUser(app);
    expect((await app.gql(UPDATE, { id: self.user.id, i: { displayName: '  Me   Myself ' } }, self.as)).data).toMatchObject({ updateUser: { displayName: 'Me Myself' } });
    const escalate = await app.gql(UPDATE, { id: self.user.id, i: { isAdmin: true } }, self.as);
    expect(escalate.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN' });
  });

  it('answers unknown and malformed ids with NOT_FOUND', async () => {
    expect(outcome(await app.gql(UPDATE, { id: newId(), i: { displayName: 'x' } }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(UPDATE, { id: 'not-a-uuid', i: { displayName: 'x' } }, cast.admin.as))).toBe('NOT_FOUND');
  });

  it('never lets admins deactivate or demote themselves, nor the last active admin go', async () => {
    const solo = await startTestApp();
    try {
      const only = await makeUser(solo, { isAdmin: true });
      // As User.viewerCan says (setActive, setAdmin: never yourself).
      for (const change of [{ isActive: false }, { isAdmin: false }]) {
        const result = await solo.gql(UPDATE, { id: only.user.id, i: change }, only.as);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_CHANGE' });
      }
      // The same change authorized elsewhere (as SCIM deactivates an account): the last admin stays.
      const db = new Db(solo.dataSource);
      const viewer = await viewerFor(db, await solo.dataSource.manager.findOneByOrFail(UserEntity, { id: only.user.id }));
      const deactivation = db.transaction((tx) => solo.services.users.updateIn(tx, viewer, only.user.id, { isActive: false }, { authorized: true, cause: 'SCIM' }));
      await expect(deactivation).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'LAST_ADMIN' } });
      const other = await makeUser(solo, { isAdmin: true });
      // Two admins demoting each other at the same moment: exactly one succeeds.
      const results = await Promise.all([
        solo.gql(UPDATE, { id: other.user.id, i: { isAdmin: false } }, only.as),
        solo.gql(UPDATE, { id: only.user.id, i: { isAdmin: false } }, other.as),
      ]);
      // The loser is refused either as LAST_ADMIN (both checked at once) or, if the winner
      // committed first, because it is no longer an admin and may not edit another account.
      const outcomes = results.map(outcome);
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'OK')).toMatch(/^(CONFLICT|NOT_FOUND)$/);
      expect(await solo.dataSource.manager.countBy(UserEntity, { isAdmin: true, isActive: true })).toBe(1);
    } finally {
      await solo.close();
    }
  });

  it('deactivation applies the permission cascade: the user leaves non-public groups', async () => {
    const target = await makeUser(app);
    const privateGroup = await makeGroup(app, { members: [target.user.id] });
    const publicGroup = await makeGroup(app, { public: true, members: [target.user.id] });
    await app.gql(UPDATE, { id: target.user.id, i: { isActive: false } }, cast.admin.as);
    const remaining = await app.dataSource.manager.findBy(MembershipEntity, { userId: target.user.id });
    expect(remaining.map((m) => m.groupId)).toEqual([publicGroup.id]);
    expect(remaining.map((m) => m.groupId)).not.toContain(privateGroup.id);
  });
});

describe('deleteUser', () => {
  it('authorization matrix: admins only', async () => {
    const targets = await Promise.all([makeUser(app), makeUser(app), makeUser(app), makeUser(app), makeUser(app)]);
    let i = 0;
    await expectMatrix(app, cast, 'mutation ($id: ID!) { deleteUser(id: $id) }', () => ({ id: targets[i++]!.user.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('keeps audit rows readable after the user is gone', async () => {
    const target = await makeUser(app, { displayName: 'Gone Soon' });
    await app.gql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: target.user.id }, cast.admin.as);
    const events = await app.gql('query ($u: ID) { auditEvents(filter: { userId: $u }) { edges { node { action userLabel } } } }', { u: target.user.id }, cast.admin.as);
    const actions = (events.data as { auditEvents: { edges: { node: { action: string; userLabel: string } }[] } }).auditEvents.edges.map((e) => e.node);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['USER_DELETED', 'USER_CREATED', 'MEMBER_ADDED']));
    expect(actions.every((a) => a.userLabel.startsWith('Gone Soon <'))).toBe(true);
  });
});

describe('user, users and email visibility', () => {
  it('shows emails to self, admins and leaders of their groups only', async () => {
    const member = await makeUser(app);
    const group = await makeGroup(app, { leaders: [cast.leader.user.id], members: [member.user.id] });
    const q = 'query ($id: ID!) { user(id: $id) { email } }';
    const emailAs = async (as: typeof cast.user.as) => ((await app.gql(q, { id: member.user.id }, as)).data as { user: { email: string | null } }).user.email;
    expect(await emailAs(member.as)).toBe(member.user.email);
    expect(await emailAs(cast.admin.as)).toBe(member.user.email);
    expect(await emailAs(cast.leader.as)).toBe(member.user.email);
    expect(await emailAs(cast.user.as)).toBeNull();
    expect(await emailAs(cast.manager.as)).toBeNull();
    void group;
  });

  it('users(search) and Group.members(search) match an email only for those who may read it; names for everyone', async () => {
    const quiet = await makeUser(app, { displayName: 'Quiet Person', email: `quiet.${Date.now()}@hushed-domain.example` });
    const other = await makeUser(app, { displayName: 'Another Quiet', email: `other.${Date.now()}@hushed-domain.example` });
    // The plain user shares the group (so may list its members); the cast's leader leads it.
    const group = await makeGroup(app, { leaders: [cast.leader.user.id], members: [quiet.user.id, other.user.id, cast.user.user.id] });
    const USERS = 'query ($s: String!) { users(search: $s) { totalCount edges { node { id } } } }';
    const found = async (as: typeof cast.user.as, s: string) =>
      ((await app.gql(USERS, { s }, as)).data as { users: { edges: { node: { id: string } }[] } }).users.edges.map((e) => e.node.id);
    // A substring of the email that is not in the name.
    expect(await found(cast.user.as, 'hushed-dom')).toEqual([]);
    expect(await found(cast.manager.as, 'hushed-dom')).toEqual([]);
    expect(await found(cast.leader.as, 'hushed-dom')).toEqual(expect.arrayContaining([quiet.user.id, other.user.id]));
    expect(await found(cast.admin.as, 'hushed-dom')).toEqual(expect.arrayContaining([quiet.user.id, other.user.id]));
    expect(await found(quiet.as, 'hushed-dom')).toEqual([quiet.user.id]);
    expect(await found(cast.user.as, 'quiet person')).toEqual([quiet.user.id]);

    // The group's member list: its first page (batched across groups) and a later page (after a cursor).
    const MEMBERS = 'query ($g: ID!, $s: String, $a: String) { group(id: $g) { members(search: $s, first: 5, after: $a) { totalCount edges { cursor node { user { id } } } } } }';
    const members = async (as: typeof cast.user.as, s: string | null, a: string | null = null) =>
      ((await app.gql(MEMBERS, { g: group.id, s, a }, as)).data as { group: { members: { totalCount: number; edges: { cursor: string; node: { user: { id: string } } }[] } } }).group.members;
    expect((await members(cast.user.as, 'hushed-dom')).totalCount).toBe(0);
    expect((await members(cast.leader.as, 'hushed-dom')).totalCount).toBe(2);
    expect((await members(cast.user.as, 'quiet')).totalCount).toBe(2);
    const firstPage = await members(cast.user.as, null);
    const afterFirst = firstPage.edges[0]!.cursor;
    expect((await members(cast.user.as, 'hushed-dom', afterFirst)).totalCount).toBe(0);
    expect((await members(cast.leader.as, 'hushed-dom', afterFirst)).totalCount).toBe(2);
  });

  it('the email search and the email field apply one rule: for every viewer and user of the cast, a search by the full email finds them exactly when their email is shown', async () => {
    // Each way to read an email, and its near misses: self, admin, a listed leader, a member of a
    // leader group, an expired membership, a co-member, a manager.
    const member = await makeUser(app, { displayName: 'Rule Member' });
    const lapsed = await makeUser(app, { displayName: 'Rule Lapsed' });
    const viaGroup = await makeUser(app, { displayName: 'Rule Via Leader Group' });
    const leaderGroup = await makeGroup(app, { members: [viaGroup.user.id] });
    const group = await makeGroup(app, { leaders: [cast.leader.user.id], members: [member.user.id, cast.user.user.id] });
    await app.dataSource.manager.insert(GroupLeaderGroupEntity, { groupId: group.id, leaderGroupId: leaderGroup.id });
    await app.dataSource.manager.insert(MembershipEntity, { groupId: group.id, userId: lapsed.user.id, source: 'ADDED', addedById: null, expiresAt: new Date(Date.now() - 60_000) });
    const people = [cast.user, cast.leader, cast.manager, cast.admin, member, lapsed, viaGroup];
    const shown: string[] = [];
    const searched: string[] = [];
    for (const viewer of people) {
      for (const target of people) {
        const pair = `${viewer.user.displayName} → ${target.user.displayName}`;
        const field = await app.gql<{ user: { email: string | null } }>('query ($id: ID!) { user(id: $id) { email } }', { id: target.user.id }, viewer.as);
        if (field.data!.user.email !== null) shown.push(pair);
        const search = await app.gql<{ users: { edges: { node: { id: string } }[] } }>('query ($s: String!) { users(search: $s) { edges { node { id } } } }', { s: target.user.email }, viewer.as);
        if (search.data!.users.edges.some((e) => e.node.id === target.user.id)) searched.push(pair);
      }
    }
    expect(searched).toEqual(shown);
    // Every branch of the rule was exercised, both ways.
    expect(shown).toEqual(expect.arrayContaining(['Plain User → Plain User', `Ada Admin → Rule Lapsed`, 'Lea Leader → Rule Member', 'Rule Via Leader Group → Rule Member']));
    expect(shown).not.toEqual(expect.arrayContaining(['Lea Leader → Rule Lapsed']));
    expect(shown).not.toEqual(expect.arrayContaining(['Plain User → Rule Member']));
    expect(shown).not.toEqual(expect.arrayContaining(['Max Manager → Rule Member']));
  });

  it('users: search by name, cursor pages that cover everyone exactly once, inactive hidden from non-admins', async () => {
    const names = ['Zed Pager A', 'Zed Pager B', 'Zed Pager C', 'Zed Pager D', 'Zed Pager E'];
    for (const displayName of names) await makeUser(app, { displayName });
    const hidden = await makeUser(app, { displayName: 'Zed Pager Hidden' });
    await app.dataSource.manager.update(UserEntity, { id: hidden.user.id }, { isActive: false });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: unknown } = await app.gql('query ($a: String) { users(search: "zed pager", first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { displayName } } } }', { a: after }, cast.user.as);
      const users = (page.data as { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { displayName: string } }[] } }).users;
      expect(users.totalCount).toBe(5);
      seen.push(...users.edges.map((e) => e.node.displayName));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
    const asAdmin = await app.gql('{ users(search: "zed pager") { totalCount } }', {}, cast.admin.as);
    expect(asAdmin.data).toEqual({ users: { totalCount: 6 } });
  });

  it.each([
    ['first: 0', '{ users(first: 0) { totalCount } }'],
    ['first: 101', '{ users(first: 101) { totalCount } }'],
    ['first: 100000', '{ users(first: 100000) { totalCount } }'],
    ['a forged cursor', '{ users(after: "garbage!!") { totalCount } }'],
    ['a search of 201 characters', `{ users(search: "${'s'.repeat(201)}") { totalCount } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_name, query) => {
    const result = await app.gql(query, {}, cast.user.as);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.status).toBeLessThan(500);
  });

  it('answers me as null when signed out, and refuses users to anonymous callers', async () => {
    expect((await app.gql('{ me { id } }')).data).toEqual({ me: null });
    expect(outcome(await app.gql('{ users { totalCount } }'))).toBe('UNAUTHENTICATED');
  });
});
