import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../../test/factories';
import type { GroupEntity } from '../groups/group.entity';
import { GroupRequestEntity } from './group-request.entity';
import { isPostgres } from '../../db/raw-sql';
import { pendingCounts } from './requests.repository';
import { RequestTallyEntity } from './request-tally.entity';

// request_tally is kept by database triggers (migration RequestTally), whoever writes a request:
// after each kind of write, every group's tally must equal its pending requests counted.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

/** Each group's pending requests per kind, counted, beside what the tally says (groups with none left out). */
async function tallies(): Promise<{ counted: Record<string, number>; tally: Record<string, number> }> {
  const m = app.dataSource.manager;
  const counted: Record<string, number> = {};
  for (const r of await m.findBy(GroupRequestEntity, { status: 'PENDING' })) counted[`${r.groupId}/${r.kind}`] = (counted[`${r.groupId}/${r.kind}`] ?? 0) + 1;
  const tally: Record<string, number> = {};
  for (const t of await m.find(RequestTallyEntity)) if (t.pending !== 0) tally[`${t.groupId}/${t.kind}`] = t.pending;
  return { counted, tally };
}

async function expectTallyExact(): Promise<void> {
  const { counted, tally } = await tallies();
  expect(tally).toEqual(counted);
  // Committed transactions leave no notes behind (PostgreSQL applies them at commit).
  if (isPostgres(app.dataSource.manager)) expect(await app.dataSource.query('SELECT * FROM request_tally_change')).toEqual([]);
}

const pendingRow = (userId: string, groupId: string) => ({ id: randomUUID(), kind: 'JOIN' as const, status: 'PENDING' as const, userId, groupId, reason: null });

const JOIN = 'mutation ($g: ID!) { joinGroup(groupId: $g, reason: "please") { request { id } } }';
const LEAVE = 'mutation ($g: ID!) { leaveGroup(groupId: $g) { request { id } } }';
const QUEUE = 'query ($f: RequestFilter) { groupRequests(filter: $f, first: 2) { totalCount edges { node { id user { id } group { id } } } } }';

async function ask(who: TestUser, group: GroupEntity): Promise<string> {
  const r = await app.gql<{ joinGroup: { request: { id: string } } }>(JOIN, { g: group.id }, who.as);
  expect(r.errors).toBeUndefined();
  return r.data!.joinGroup.request.id;
}

describe('request_tally: the pending requests per group and kind, kept by the database', () => {
  it('follows asking, approving, rejecting, withdrawing, leaving and extension requests', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(app)));
    const ids = [];
    for (const p of people) ids.push(await ask(p, group));
    await expectTallyExact();
    expect((await app.gql('mutation ($id: ID!) { approveRequest(requestId: $id) { id } }', { id: ids[0] }, cast.leader.as)).errors).toBeUndefined();
    expect((await app.gql('mutation ($id: ID!) { rejectRequest(requestId: $id) { id } }', { id: ids[1] }, cast.leader.as)).errors).toBeUndefined();
    expect((await app.gql('mutation ($id: ID!) { withdrawRequest(requestId: $id) { id } }', { id: ids[2] }, people[2]!.as)).errors).toBeUndefined();
    await expectTallyExact();
    // people[0] is a member now: a leave request and an extension request are other kinds.
    expect((await app.gql(LEAVE, { g: group.id }, people[0]!.as)).errors).toBeUndefined();
    const member = await makeUser(app);
    await addMember(app, group.id, member.user.id, new Date(Date.now() + 86_400_000));
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await app.gql('mutation ($g: ID!, $u: DateTime!) { requestExtension(groupId: $g, until: $u) { id } }', { g: group.id, u: until }, member.as)).errors).toBeUndefined();
    await expectTallyExact();
    const { tally } = await tallies();
    expect([tally[`${group.id}/JOIN`], tally[`${group.id}/LEAVE`], tally[`${group.id}/EXTEND`]]).toEqual([2, 1, 1]);
  });

  it('follows rows that go with a deleted user or group, and a bulk decision', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const other = await makeGroup(app);
    const people = await Promise.all(Array.from({ length: 4 }, () => makeUser(app)));
    const ids = [];
    for (const p of people) ids.push(await ask(p, group));
    await ask(people[0]!, other);
    await ask(people[1]!, other);
    expect((await app.gql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: people[0]!.user.id }, cast.admin.as)).errors).toBeUndefined();
    await expectTallyExact();
    expect((await app.gql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: other.id }, cast.admin.as)).errors).toBeUndefined();
    await expectTallyExact();
    const bulk = await app.gql<{ decideRequests: { ok: boolean }[] }>(
      'mutation ($ids: [ID!]!) { decideRequests(requestIds: $ids, approve: false) { ok } }',
      { ids: ids.slice(1, 3) },
      cast.leader.as,
    );
    expect(bulk.data?.decideRequests.map((r) => r.ok)).toEqual([true, true]);
    await expectTallyExact();
    expect((await tallies()).tally[`${group.id}/JOIN`]).toBe(1);
  });

  it("is the queue's total for leaders, managers and admins, by kind and by group; other statuses are counted", async () => {
    const group = await makeGroup(app);
    const leader = await makeUser(app);
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: group.id, u: [leader.user.id] }, cast.admin.as);
    const people = await Promise.all(Array.from({ length: 3 }, () => makeUser(app)));
    const ids = [];
    for (const p of people) ids.push(await ask(p, group));
    await app.gql('mutation ($id: ID!) { rejectRequest(requestId: $id) { id } }', { id: ids[0] }, leader.as);
    const total = async (who: TestUser, filter: Record<string, unknown>) => {
      const r = await app.gql<{ groupRequests: { totalCount: number; edges: { node: { user: { id: string }; group: { id: string } } }[] } }>(QUEUE, { f: filter }, who.as);
      expect(r.errors).toBeUndefined();
      for (const e of r.data!.groupRequests.edges) expect(e.node.user.id && e.node.group.id).toBeTruthy();
      return r.data!.groupRequests.totalCount;
    };
    expect(await total(leader, { status: 'PENDING' })).toBe(2);
    expect(await total(leader, { status: 'PENDING', kind: 'JOIN' })).toBe(2);
    expect(await total(leader, { status: 'PENDING', kind: 'LEAVE' })).toBe(0);
    expect(await total(leader, { status: 'REJECTED' })).toBe(1);
    expect(await total(cast.manager, { status: 'PENDING', groupId: group.id })).toBe(2);
    expect(await total(cast.admin, { status: 'PENDING', groupId: group.id })).toBe(2);
    expect(await total(people[1]!, { status: 'PENDING', mine: true })).toBe(1);
    // Someone who leads nothing has an empty queue, whatever the tally holds.
    expect(await total(people[2]!, { status: 'PENDING' })).toBe(0);
    const { counted } = await tallies();
    const everyPending = Object.values(counted).reduce((n, c) => n + c, 0);
    expect(await total(cast.admin, { status: 'PENDING' })).toBe(everyPending);
  });

  it('counts a transaction’s own writes before it commits, and holds no other writer of the group meanwhile', async () => {
    const [a, b] = [await makeGroup(app), await makeGroup(app)];
    const people = await Promise.all(Array.from({ length: 4 }, () => makeUser(app)));
    await app.dataSource.transaction(async (tx) => {
      await tx.insert(GroupRequestEntity, [pendingRow(people[0]!.user.id, a.id), pendingRow(people[1]!.user.id, a.id), pendingRow(people[0]!.user.id, b.id)]);
      await tx.update(GroupRequestEntity, { userId: people[1]!.user.id, groupId: a.id }, { status: 'WITHDRAWN' });
      const counts = await pendingCounts(tx, [a.id, b.id]);
      expect([counts.get(a.id), counts.get(b.id)]).toEqual([1, 1]);
      // SQLite has one writer: another connection's write would wait for this one by design.
      if (!isPostgres(tx)) return;
      // Other connections write requests of the same groups, in the opposite order, while this
      // transaction is open: they must not wait for it (the tally changes only as each commits).
      const outside = app.dataSource.transaction(async (other) => {
        await other.insert(GroupRequestEntity, pendingRow(people[2]!.user.id, b.id));
        await other.insert(GroupRequestEntity, pendingRow(people[3]!.user.id, a.id));
      });
      const waited = await Promise.race([outside.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5_000))]);
      expect(waited).toBe(false);
      expect((await pendingCounts(tx, [a.id])).get(a.id)).toBe(2); // its own one, and the other's committed one
    });
    const counts = await pendingCounts(app.dataSource.manager, [a.id, b.id]);
    expect([counts.get(a.id), counts.get(b.id)]).toEqual(isPostgres(app.dataSource.manager) ? [2, 2] : [1, 1]);
    await expectTallyExact();
  });
});
