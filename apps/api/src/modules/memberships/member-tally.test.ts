import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, type Cast } from '../../../test/factories';
import { isPostgres, rawQuery } from '../../db/raw-sql';
import { currentMembershipSql } from './current';
import { MemberTallyEntity } from './member-tally.entity';
import { MembershipEntity } from './membership.entity';
import { currentMemberCounts } from './membership.repository';

/**
 * member_tally is kept by the database (migration MemberTally) and a group's member count is read
 * from it, less the group's expired rows (currentMemberCountSql). After every kind of write —
 * several groups in one statement, a move, an expiry set and cleared, an expiry passed and swept, a deleted user's and a deleted
 * group's rows going with them, the API's own — the tally holds each group's rows and the count
 * every reader gets equals counting the current rows. Without one of the triggers it fails.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app, { open: true });
});
afterAll(() => app.close());

async function expectCountsKept(): Promise<void> {
  const m = app.dataSource.manager;
  const now = new Date();
  const rows = await rawQuery<{ groupId: string; n: number | string; e: number | string }>(m, 'SELECT group_id AS "groupId", COUNT(*) AS "n", COUNT(expires_at) AS "e" FROM membership GROUP BY group_id', {});
  const current = await rawQuery<{ groupId: string; n: number | string }>(m, `SELECT m.group_id AS "groupId", COUNT(*) AS "n" FROM membership m WHERE ${currentMembershipSql('m')} GROUP BY m.group_id`, { now });
  const tally = new Map((await m.find(MemberTallyEntity)).filter((t) => t.members !== 0 || t.expiring !== 0).map((t) => [t.groupId, [t.members, t.expiring]]));
  expect(tally).toEqual(new Map(rows.map((r) => [r.groupId, [Number(r.n), Number(r.e)]])));
  const groupIds = (await rawQuery<{ id: string }>(m, 'SELECT id FROM user_group', {})).map((g) => g.id);
  const expected = new Map(current.map((r) => [r.groupId, Number(r.n)]));
  const counted = await currentMemberCounts(m, groupIds, now);
  for (const id of groupIds) expect(counted.get(id), id).toBe(expected.get(id) ?? 0);
  // Committed transactions leave no notes behind (PostgreSQL applies them at commit).
  if (isPostgres(m)) expect(await m.query('SELECT * FROM member_tally_change')).toEqual([]);
}

describe('member_tally', () => {
  it('keeps every group’s member count as memberships come, move, expire and go', async () => {
    const m = app.dataSource.manager;
    const people = await Promise.all([1, 2, 3, 4].map((i) => makeUser(app, { displayName: `Tally ${i}` })));
    const [a, b, c] = await Promise.all(['Tally A', 'Tally B', 'Tally C'].map((name) => makeGroup(app, { name })));
    await expectCountsKept();
    // Several groups in one statement.
    await m.insert(MembershipEntity, people.flatMap((p) => [a!, b!].map((g) => ({ userId: p.user.id, groupId: g.id, source: 'ADDED' as const }))));
    await expectCountsKept();
    // A row moved to another group, and an update that moves nothing.
    await m.update(MembershipEntity, { userId: people[0]!.user.id, groupId: a!.id }, { groupId: c!.id });
    await m.update(MembershipEntity, { groupId: b!.id }, { expiryWarnedAt: null });
    await expectCountsKept();
    // An expiry set and taken away again.
    await m.update(MembershipEntity, { userId: people[2]!.user.id, groupId: a!.id }, { expiresAt: new Date(Date.now() + 86_400_000) });
    await expectCountsKept();
    await m.update(MembershipEntity, { userId: people[2]!.user.id, groupId: a!.id }, { expiresAt: null });
    await expectCountsKept();
    // An expired row still counts in the tally but not as a member, until the sweeper ends it.
    await m.update(MembershipEntity, { userId: people[1]!.user.id, groupId: b!.id }, { expiresAt: new Date(Date.now() - 60_000) });
    await expectCountsKept();
    expect((await currentMemberCounts(m, [b!.id])).get(b!.id)).toBe(3);
    await app.services.sweeper.run();
    await expectCountsKept();
    // Through the API: an open group joined and left, members added by an admin.
    const ok = async (query: string, variables: Record<string, unknown>, as: Cast['anonymous']) => expect((await app.gql(query, variables, as)).errors).toBeUndefined();
    await ok('mutation ($g: ID!) { joinGroup(groupId: $g) { outcome } }', { g: cast.group.id }, people[2]!.as);
    await ok('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: c!.id, u: [people[2]!.user.id, people[3]!.user.id] }, cast.admin.as);
    await ok('mutation ($g: ID!) { leaveGroup(groupId: $g) { outcome } }', { g: cast.group.id }, people[2]!.as);
    await expectCountsKept();
    // A deleted user's memberships and a deleted group's go with them.
    await ok('mutation ($id: ID!) { deleteUser(id: $id) }', { id: people[3]!.user.id }, cast.admin.as);
    await ok('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: a!.id }, cast.admin.as);
    await expectCountsKept();
    expect(await m.findOneBy(MemberTallyEntity, { groupId: a!.id })).toBeNull();
  });

  it('counts a transaction’s own changes before it commits, and holds no other writer of the group meanwhile', async () => {
    const group = await makeGroup(app, { name: 'Tally Busy', members: [cast.user.user.id] });
    const other = await makeUser(app, { displayName: 'Tally Other' });
    const late = await makeUser(app, { displayName: 'Tally Late' });
    await app.dataSource.transaction(async (tx) => {
      await tx.insert(MembershipEntity, { userId: other.user.id, groupId: group.id, source: 'ADDED' });
      await tx.insert(MembershipEntity, { userId: cast.leader.user.id, groupId: group.id, source: 'ADDED', expiresAt: new Date(Date.now() - 1_000) });
      expect((await currentMemberCounts(tx, [group.id])).get(group.id)).toBe(2);
      // SQLite has one writer: another connection's write would wait for this one by design.
      if (!isPostgres(tx)) return;
      // Another connection adds a member of the same group while this transaction is open: it
      // must not wait for this one (the tally is changed only as each commits).
      const outside = app.dataSource.manager.insert(MembershipEntity, { userId: late.user.id, groupId: group.id, source: 'ADDED' });
      const waited = await Promise.race([outside.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5_000))]);
      expect(waited).toBe(false);
    });
    const expected = isPostgres(app.dataSource.manager) ? 3 : 2;
    expect((await currentMemberCounts(app.dataSource.manager, [group.id])).get(group.id)).toBe(expected);
    await expectCountsKept();
  });

  it('answers memberCount from it', async () => {
    const group = await makeGroup(app, { name: 'Tally Counted', members: [cast.user.user.id, cast.leader.user.id] });
    await app.dataSource.manager.update(MembershipEntity, { userId: cast.leader.user.id, groupId: group.id }, { expiresAt: new Date(Date.now() - 1_000) });
    const answer = await app.gql<{ group: { memberCount: number }; groups: { edges: { node: { memberCount: number } }[] } }>(
      'query ($id: ID!) { group(id: $id) { memberCount } groups(filter: { search: "tally counted" }, first: 5) { edges { node { memberCount } } } }',
      { id: group.id },
      cast.admin.as,
    );
    expect(answer.data?.group.memberCount).toBe(1);
    expect(answer.data?.groups.edges.map((e) => e.node.memberCount)).toEqual([1]);
  });
});
