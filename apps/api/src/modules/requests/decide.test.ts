import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast, type TestUser } from '../../../test/factories';
import { MembershipEntity } from '../memberships/membership.entity';
import { UserEntity } from '../users/user.entity';
import { GroupRequestEntity } from './group-request.entity';
import type { GroupEntity } from '../groups/group.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const APPROVE = 'mutation ($id: ID!, $c: String) { approveRequest(requestId: $id, comment: $c) { id status decidedAt decisionComment decidedBy { id } } }';
const REJECT = 'mutation ($id: ID!, $c: String) { rejectRequest(requestId: $id, comment: $c) { id status decisionComment } }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawRequest(requestId: $id) { id status } }';
const BULK = 'mutation ($ids: [ID!]!, $a: Boolean!, $c: String) { decideRequests(requestIds: $ids, approve: $a, comment: $c) { requestId ok error { code reason } request { status } } }';

async function requestJoin(group: GroupEntity, who?: TestUser): Promise<{ id: string; requester: TestUser }> {
  const requester = who ?? (await makeUser(app));
  const r = await app.gql<{ joinGroup: { request: { id: string } } }>('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "let me in") { request { id } } }', { g: group.id }, requester.as);
  return { id: r.data!.joinGroup.request.id, requester };
}
const isMember = async (userId: string, groupId: string) => (await app.dataSource.manager.countBy(MembershipEntity, { userId, groupId })) === 1;

describe('SPEC §6 deciding', () => {
  it('approveRequest authorization matrix (group led by the leader): leader, manager, admin; others NOT_FOUND', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await requestJoin(cast.group)).id);
    let i = 0;
    await expectMatrix(app, cast, APPROVE, () => ({ id: ids[i++] }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('rejectRequest authorization matrix: the same', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await requestJoin(cast.group)).id);
    let i = 0;
    await expectMatrix(app, cast, REJECT, () => ({ id: ids[i++] }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('§6.1 unknown, malformed and invisible requests are NOT_FOUND', async () => {
    expect(outcome(await app.gql(APPROVE, { id: newId() }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(APPROVE, { id: 'x' }, cast.admin.as))).toBe('NOT_FOUND');
    const { id } = await requestJoin(await makeGroup(app));
    expect(outcome(await app.gql(APPROVE, { id }, cast.leader.as))).toBe('NOT_FOUND'); // leads another group
  });

  it('§6.2 deciding twice is CONFLICT (ALREADY_DECIDED) and changes nothing', async () => {
    const { id, requester } = await requestJoin(cast.group);
    expect(outcome(await app.gql(REJECT, { id, c: 'no' }, cast.leader.as))).toBe('OK');
    const again = await app.gql(APPROVE, { id }, cast.admin.as);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DECIDED' });
    expect(await isMember(requester.user.id, cast.group.id)).toBe(false);
  });

  it('§6.2 approvers racing: exactly one wins, one membership, one decision', async () => {
    const { id, requester } = await requestJoin(cast.group);
    const results = await Promise.all([
      app.gql(APPROVE, { id, c: 'leader says yes' }, cast.leader.as),
      app.gql(APPROVE, { id, c: 'manager says yes' }, cast.manager.as),
      app.gql(REJECT, { id, c: 'admin says no' }, cast.admin.as),
    ]);
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(2);
    const row = await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id });
    const winner = results.find((r) => outcome(r) === 'OK')!;
    expect(JSON.stringify(winner.data)).toContain(row.decisionComment!);
    expect(await isMember(requester.user.id, cast.group.id)).toBe(row.status === 'APPROVED');
  });

  it('§6.3 restricted groups: only admins decide (leaders and managers get NOT_APPROVER)', async () => {
    const restricted = await makeGroup(app, { restricted: true, leaders: [cast.leader.user.id] });
    const { id } = await requestJoin(restricted);
    expect((await app.gql(APPROVE, { id }, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_APPROVER' });
    expect(outcome(await app.gql(APPROVE, { id }, cast.admin.as))).toBe('OK');
  });

  it('§6.4 self-approval is refused unless allowed by settings', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const { id } = await requestJoin(group, cast.leader);
    expect((await app.gql(APPROVE, { id }, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    await app.gql('mutation { updateSettings(input: { allowSelfApproval: true }) { allowSelfApproval } }', {}, cast.admin.as);
    try {
      expect(outcome(await app.gql(APPROVE, { id }, cast.leader.as))).toBe('OK');
    } finally {
      await app.gql('mutation { updateSettings(input: { allowSelfApproval: false }) { allowSelfApproval } }', {}, cast.admin.as);
    }
  });

  it('§6.5 approval re-checks the requester: deactivated, full group, escalation — REQUESTER_NOT_ELIGIBLE, request stays pending', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const { id, requester } = await requestJoin(group);
    await app.dataSource.manager.update(UserEntity, { id: requester.user.id }, { isActive: false });
    const refused = await app.gql(APPROVE, { id }, cast.leader.as);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REQUESTER_NOT_ELIGIBLE' });
    expect((await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id })).status).toBe('PENDING');

    const full = await makeGroup(app, { maxMembers: 1, leaders: [cast.leader.user.id] });
    const a = await requestJoin(full);
    const b = await requestJoin(full);
    expect(outcome(await app.gql(APPROVE, { id: a.id }, cast.leader.as))).toBe('OK');
    expect((await app.gql(APPROVE, { id: b.id }, cast.leader.as)).errors?.[0]?.extensions?.['reason']).toBe('REQUESTER_NOT_ELIGIBLE');

    const powerful = await makeGroup(app, { permissions: ['audit.read'], leaders: [cast.leader.user.id] });
    const c = await requestJoin(powerful);
    expect((await app.gql(APPROVE, { id: c.id }, cast.leader.as)).errors?.[0]?.extensions?.['reason']).toBe('REQUESTER_NOT_ELIGIBLE');
    expect(outcome(await app.gql(APPROVE, { id: c.id }, cast.admin.as))).toBe('OK');
  });

  it('§6.6 approving a LEAVE removes the membership; rejecting changes none', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app, { leaders: [cast.leader.user.id], members: [person.user.id] });
    const ask = async () => (await app.gql<{ leaveGroup: { request: { id: string } } }>('mutation ($g: ID!) { leaveGroup(groupId: $g) { request { id } } }', { g: group.id }, person.as)).data!.leaveGroup.request.id;
    expect(outcome(await app.gql(REJECT, { id: await ask() }, cast.leader.as))).toBe('OK');
    expect(await isMember(person.user.id, group.id)).toBe(true);
    expect(outcome(await app.gql(APPROVE, { id: await ask() }, cast.leader.as))).toBe('OK');
    expect(await isMember(person.user.id, group.id)).toBe(false);
  });

  it('§6.7 the requester is notified; the request keeps decider, time and comment; membership source REQUEST', async () => {
    const { id, requester } = await requestJoin(cast.group);
    const decided = await app.gql<{ approveRequest: { decidedBy: { id: string }; decidedAt: string; decisionComment: string } }>(APPROVE, { id, c: 'Welcome aboard' }, cast.leader.as);
    expect(decided.data?.approveRequest).toMatchObject({ decidedBy: { id: cast.leader.user.id }, decisionComment: 'Welcome aboard' });
    expect(Date.parse(decided.data!.approveRequest.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    const inbox = await app.gql<{ notifications: { unreadCount: number; edges: { node: { title: string; body: string } }[] } }>('{ notifications(first: 5) { unreadCount edges { node { title body } } } }', {}, requester.as);
    expect(inbox.data?.notifications.edges[0]?.node).toEqual({ title: `Your request to join ${cast.group.name} was approved`, body: 'Welcome aboard' });
    const m = await app.dataSource.manager.findOneByOrFail(MembershipEntity, { userId: requester.user.id, groupId: cast.group.id });
    expect(m.source).toBe('REQUEST');
  });

  it('withdrawRequest: only the requester, only while pending (matrix: everyone else NOT_FOUND or FORBIDDEN)', async () => {
    const { id, requester } = await requestJoin(cast.group);
    await expectMatrix(app, cast, WITHDRAW, () => ({ id }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'FORBIDDEN',
    });
    expect((await app.gql(WITHDRAW, { id }, requester.as)).data).toEqual({ withdrawRequest: { id, status: 'WITHDRAWN' } });
    expect((await app.gql(WITHDRAW, { id }, requester.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DECIDED' });
  });

  it('bulk deciding: each request by the rules, the answer says which succeeded', async () => {
    const a = await requestJoin(cast.group);
    const b = await requestJoin(cast.group);
    const elsewhere = await requestJoin(await makeGroup(app));
    const result = await app.gql<{ decideRequests: { requestId: string; ok: boolean; error: { code: string } | null }[] }>(BULK, { ids: [a.id, b.id, elsewhere.id, newId()], a: true, c: 'batch' }, cast.leader.as);
    expect(result.data?.decideRequests.map((r) => [r.ok, r.error?.code ?? null])).toEqual([[true, null], [true, null], [false, 'NOT_FOUND'], [false, 'NOT_FOUND']]);
    await expectMatrix(app, cast, BULK, () => ({ ids: [newId()], a: false }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    expect(outcome(await app.gql(BULK, { ids: [], a: true }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('refuses an over-long comment and changes nothing', async () => {
    const { id } = await requestJoin(cast.group);
    expect(outcome(await app.gql(APPROVE, { id, c: 'c'.repeat(1001) }, cast.leader.as))).toBe('BAD_USER_INPUT');
    expect((await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id })).status).toBe('PENDING');
  });
});

describe('groupRequests (the queue) and pendingRequestCount', () => {
  it('shows a leader the queue of their groups, a requester their own, counts only to deciders', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const { requester } = await requestJoin(group);
    const queue = await app.gql<{ groupRequests: { totalCount: number } }>('query ($g: ID) { groupRequests(filter: { groupId: $g }) { totalCount edges { node { kind status user { id } group { id } } } } }', { g: group.id }, cast.leader.as);
    expect(queue.data?.groupRequests.totalCount).toBe(1);
    const mine = await app.gql<{ groupRequests: { totalCount: number } }>('{ groupRequests(filter: { mine: true }) { totalCount } }', {}, requester.as);
    expect(mine.data?.groupRequests.totalCount).toBe(1);
    const outsider = await app.gql<{ groupRequests: { totalCount: number } }>('query ($g: ID) { groupRequests(filter: { groupId: $g }) { totalCount } }', { g: group.id }, cast.user.as);
    expect(outsider.data?.groupRequests.totalCount).toBe(0);
    const count = async (who: TestUser) => (await app.gql<{ group: { pendingRequestCount: number } }>('query ($id: ID!) { group(id: $id) { pendingRequestCount } }', { id: group.id }, who.as)).data?.group.pendingRequestCount;
    expect(await count(cast.leader)).toBe(1);
    expect(await count(requester)).toBe(0);
  });

  it('refuses page sizes out of range', async () => {
    expect(outcome(await app.gql('{ groupRequests(first: 500) { totalCount } }', {}, cast.admin.as))).toBe('BAD_USER_INPUT');
  });
});
