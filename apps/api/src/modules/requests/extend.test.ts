import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast, type TestUser } from '../../../test/factories';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { GroupRequestEntity } from './group-request.entity';
import type { GroupEntity } from '../groups/group.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;
const EXTEND = 'mutation ($g: ID!, $u: DateTime!, $r: String) { requestExtension(groupId: $g, until: $u, reason: $r) { id kind status requestedUntil reason user { id } } }';
const APPROVE = 'mutation ($id: ID!, $c: String, $e: DateTime) { approveRequest(requestId: $id, comment: $c, expiresAt: $e) { id status kind requestedUntil } }';
const REJECT = 'mutation ($id: ID!, $c: String) { rejectRequest(requestId: $id, comment: $c) { id status } }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawRequest(requestId: $id) { id status } }';

const expiryOf = async (userId: string, groupId: string) => (await app.dataSource.manager.findOneByOrFail(MembershipEntity, { userId, groupId })).expiresAt;

/** A member of `group` whose membership ends in two days, who asks to extend it to `until`. */
async function askToExtend(group: GroupEntity, until = new Date(Date.now() + 60 * DAY)): Promise<{ id: string; member: TestUser; until: Date }> {
  const member = await makeUser(app);
  await addMember(app, group.id, member.user.id, new Date(Date.now() + 2 * DAY));
  const r = await app.gql<{ requestExtension: { id: string } }>(EXTEND, { g: group.id, u: until.toISOString(), r: 'still on the project' }, member.as);
  expect(r.errors).toBeUndefined();
  return { id: r.data!.requestExtension.id, member, until };
}

describe('SPEC §20 requestExtension', () => {
  it('authorization matrix: any current member with an expiring membership asks for themselves; anonymous is UNAUTHENTICATED', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    for (const who of [cast.user, cast.leader, cast.manager, cast.admin]) await addMember(app, group.id, who.user.id, new Date(Date.now() + 2 * DAY));
    await expectMatrix(app, cast, EXTEND, () => ({ g: group.id, u: new Date(Date.now() + 30 * DAY).toISOString() }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('makes a pending EXTEND request in the queue with requestedUntil, audited, approvers notified', async () => {
    const { id, member, until } = await askToExtend(cast.group);
    const row = await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id });
    expect(row).toMatchObject({ kind: 'EXTEND', status: 'PENDING', userId: member.user.id, reason: 'still on the project' });
    expect(row.requestedUntil?.getTime()).toBe(until.getTime());
    const queue = await app.gql<{ groupRequests: { edges: { node: { id: string; kind: string; requestedUntil: string } }[] } }>(
      'query ($g: ID!) { groupRequests(filter: { groupId: $g, status: PENDING, kind: EXTEND }) { edges { node { id kind requestedUntil } } } }',
      { g: cast.group.id },
      cast.leader.as,
    );
    expect(queue.data!.groupRequests.edges.map((e) => e.node)).toContainEqual({ id, kind: 'EXTEND', requestedUntil: until.toISOString() });
    const audit = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: member.user.id, action: 'REQUEST_CREATED' });
    expect(audit.details).toMatchObject({ requestId: id, kind: 'EXTEND', requestedUntil: until.toISOString() });
    const note = await app.dataSource.manager.findOneByOrFail(NotificationEntity, { userId: cast.leader.user.id, requestId: id });
    expect(note.title).toContain(`asks to extend their membership of ${cast.group.name}`);
  });

  it('refuses non-members (CONFLICT NOT_MEMBER), invisible groups (NOT_FOUND), a past or earlier date (BAD_USER_INPUT), a second pending request (CONFLICT)', async () => {
    const stranger = await makeUser(app);
    const later = new Date(Date.now() + 30 * DAY).toISOString();
    expect((await app.gql(EXTEND, { g: cast.group.id, u: later }, stranger.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_MEMBER' });
    const lapsed = await makeUser(app);
    await addMember(app, cast.group.id, lapsed.user.id, new Date(Date.now() - 1000));
    expect(outcome(await app.gql(EXTEND, { g: cast.group.id, u: later }, lapsed.as))).toBe('CONFLICT');
    expect(outcome(await app.gql(EXTEND, { g: newId(), u: later }, stranger.as))).toBe('NOT_FOUND');
    const member = await makeUser(app);
    await addMember(app, cast.group.id, member.user.id, new Date(Date.now() + 10 * DAY));
    expect(outcome(await app.gql(EXTEND, { g: cast.group.id, u: new Date(Date.now() - DAY).toISOString() }, member.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(EXTEND, { g: cast.group.id, u: new Date(Date.now() + 5 * DAY).toISOString() }, member.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(EXTEND, { g: cast.group.id, u: later }, member.as))).toBe('OK');
    expect((await app.gql(EXTEND, { g: cast.group.id, u: later }, member.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REQUESTED' });
    const forever = await makeUser(app);
    await addMember(app, cast.group.id, forever.user.id, null);
    expect((await app.gql(EXTEND, { g: cast.group.id, u: later }, forever.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EXPIRING' });
  });
});

describe('SPEC §20 deciding an extension (same approvers, same rules as §6)', () => {
  it('approveRequest matrix on EXTEND: leader, manager, admin; a plain user does not see it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await askToExtend(cast.group)).id);
    let i = 0;
    await expectMatrix(app, cast, APPROVE, () => ({ id: ids[i++] }), { anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'OK', manager: 'OK', admin: 'OK' });
  });

  it('rejectRequest matrix on EXTEND: the same', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await askToExtend(cast.group)).id);
    let i = 0;
    await expectMatrix(app, cast, REJECT, () => ({ id: ids[i++] }), { anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'OK', manager: 'OK', admin: 'OK' });
  });

  it('approved: the membership gets exactly the asked expiry (same membership, audited), the requester is notified', async () => {
    const { id, member, until } = await askToExtend(cast.group);
    const before = await app.dataSource.manager.findOneByOrFail(MembershipEntity, { userId: member.user.id, groupId: cast.group.id });
    const approved = await app.gql<{ approveRequest: { status: string } }>(APPROVE, { id, c: 'fine' }, cast.leader.as);
    expect(approved.data?.approveRequest.status).toBe('APPROVED');
    const after = await app.dataSource.manager.findOneByOrFail(MembershipEntity, { userId: member.user.id, groupId: cast.group.id });
    expect(after.expiresAt?.getTime()).toBe(until.getTime());
    expect(after.createdAt.getTime()).toBe(before.createdAt.getTime());
    const updated = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: member.user.id, action: 'MEMBERSHIP_UPDATED' });
    expect(updated.details).toMatchObject({ cause: 'REQUEST_APPROVED', expiresAt: until.toISOString() });
    const decided = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: member.user.id, action: 'REQUEST_APPROVED' });
    expect(decided.details).toMatchObject({ requestId: id, kind: 'EXTEND', membershipChanged: true });
    const notes = await app.dataSource.manager.findBy(NotificationEntity, { userId: member.user.id });
    expect(notes.map((n) => n.title)).toEqual([expect.stringMatching(new RegExp(`^Your request to extend your membership of ${cast.group.name} until .* was approved$`))]);
  });

  it('rejected: the expiry stays as it was; the requester is notified', async () => {
    const { id, member } = await askToExtend(cast.group);
    const before = await expiryOf(member.user.id, cast.group.id);
    expect((await app.gql<{ rejectRequest: { status: string } }>(REJECT, { id, c: 'no' }, cast.manager.as)).data?.rejectRequest.status).toBe('REJECTED');
    expect((await expiryOf(member.user.id, cast.group.id))?.getTime()).toBe(before?.getTime());
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { userId: member.user.id, action: 'MEMBERSHIP_UPDATED' })).toBe(0);
    const notes = await app.dataSource.manager.findBy(NotificationEntity, { userId: member.user.id });
    expect(notes.map((n) => n.title)).toEqual([expect.stringMatching(/was rejected$/)]);
  });

  it('withdrawn: only by the requester, the expiry unchanged, and a new request may follow', async () => {
    const { id, member } = await askToExtend(cast.group);
    const before = await expiryOf(member.user.id, cast.group.id);
    expect((await app.gql(WITHDRAW, { id }, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_REQUESTER' });
    expect((await app.gql<{ withdrawRequest: { status: string } }>(WITHDRAW, { id }, member.as)).data?.withdrawRequest.status).toBe('WITHDRAWN');
    expect((await expiryOf(member.user.id, cast.group.id))?.getTime()).toBe(before?.getTime());
    expect(outcome(await app.gql(APPROVE, { id }, cast.leader.as))).toBe('CONFLICT');
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { userId: member.user.id, action: 'REQUEST_WITHDRAWN' })).toBe(1);
    expect(outcome(await app.gql(EXTEND, { g: cast.group.id, u: new Date(Date.now() + 9 * DAY).toISOString() }, member.as))).toBe('OK');
  });

  it('restricted groups: only admins approve (NOT_APPROVER); the requester never approves their own (SELF_APPROVAL)', async () => {
    const restricted = await makeGroup(app, { restricted: true, leaders: [cast.leader.user.id] });
    const { id } = await askToExtend(restricted);
    expect((await app.gql(APPROVE, { id }, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_APPROVER' });
    expect(outcome(await app.gql(APPROVE, { id }, cast.admin.as))).toBe('OK');
    const self = await makeUser(app);
    const led = await makeGroup(app, { leaders: [self.user.id] });
    await addMember(app, led.id, self.user.id, new Date(Date.now() + DAY));
    const mine = await app.gql<{ requestExtension: { id: string } }>(EXTEND, { g: led.id, u: new Date(Date.now() + 20 * DAY).toISOString() }, self.as);
    const own = mine.data!.requestExtension.id;
    expect((await app.gql(APPROVE, { id: own }, self.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
  });

  it('a requester whose membership ended meanwhile is not extended (REQUESTER_NOT_ELIGIBLE; the request stays pending)', async () => {
    const { id, member } = await askToExtend(cast.group);
    await app.dataSource.manager.update(MembershipEntity, { userId: member.user.id, groupId: cast.group.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await app.gql(APPROVE, { id }, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REQUESTER_NOT_ELIGIBLE' });
    expect((await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id })).status).toBe('PENDING');
  });

  it('approveRequest(expiresAt): a join gets that expiry; on an extension it is BAD_USER_INPUT', async () => {
    const requester = await makeUser(app);
    const join = await app.gql<{ joinGroup: { request: { id: string } } }>('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "hi") { request { id } } }', { g: cast.group.id }, requester.as);
    const until = new Date(Date.now() + 14 * DAY);
    expect(outcome(await app.gql(APPROVE, { id: join.data!.joinGroup.request.id, e: new Date(Date.now() - DAY).toISOString() }, cast.leader.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(APPROVE, { id: join.data!.joinGroup.request.id, e: until.toISOString() }, cast.leader.as))).toBe('OK');
    expect((await expiryOf(requester.user.id, cast.group.id))?.getTime()).toBe(until.getTime());
    const { id } = await askToExtend(cast.group);
    expect(outcome(await app.gql(APPROVE, { id, e: until.toISOString() }, cast.leader.as))).toBe('BAD_USER_INPUT');
    expect((await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id })).status).toBe('PENDING');
  });

  it('an extension left pending after the membership ended does not block asking to join again (it is cancelled)', async () => {
    const { id, member } = await askToExtend(cast.group);
    await app.dataSource.manager.delete(MembershipEntity, { userId: member.user.id, groupId: cast.group.id });
    const join = await app.gql<{ joinGroup: { outcome: string } }>('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "back again") { outcome } }', { g: cast.group.id }, member.as);
    expect(join.data?.joinGroup.outcome).toBe('REQUESTED');
    expect((await app.dataSource.manager.findOneByOrFail(GroupRequestEntity, { id })).status).toBe('CANCELLED');
  });
});
