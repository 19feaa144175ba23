import { MoreThan } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { SYSTEM_ACTOR } from '../audit/actor';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { GroupEntity } from '../groups/group.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';

/**
 * The membership unit of work (memberships.service.ts), driven through every caller: each path
 * leaves the audit rows of its own changes and, where a membership ends, the permission-loss
 * cascade's (SPEC §8), in one transaction.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

interface Row {
  action: string;
  group: string | null;
  cause: unknown;
  source?: unknown;
  actorId: string | null;
}

/** The membership audit rows about `userId` written after `mark`, in order, with group names. */
async function membershipEvents(userId: string, mark: number): Promise<Row[]> {
  const rows = await app.dataSource.manager.find(AuditEventEntity, { where: { userId, id: MoreThan(mark) }, order: { id: 'ASC' } });
  return rows
    .filter((r) => r.action.startsWith('MEMBER_'))
    .map((r) => ({
      action: r.action,
      group: r.groupLabel,
      cause: r.details['cause'],
      ...(r.details['source'] ? { source: r.details['source'] } : {}),
      actorId: r.actorId,
    }));
}

async function auditMark(): Promise<number> {
  const last = await app.dataSource.manager.find(AuditEventEntity, { order: { id: 'DESC' }, take: 1 });
  return last[0]?.id ?? 0;
}

const groupsOf = async (userId: string) =>
  (await app.dataSource.manager.find(MembershipEntity, { where: { userId }, relations: { group: true } })).map((m) => m.group!.name).sort();

/**
 * A person whose only `groups.request` comes from `carrier`, also in `bystander` (not public):
 * ending the carrier membership costs them the bystander membership too.
 */
async function dependent(carrier: Parameters<typeof makeGroup>[1] = {}): Promise<{ person: TestUser; carrier: GroupEntity; bystander: GroupEntity }> {
  const person = await makeUser(app);
  const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
  await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id, groupId: member.id });
  const c = await makeGroup(app, { permissions: ['groups.request'], leaders: [cast.leader.user.id], ...carrier });
  await addMember(app, c.id, person.user.id);
  const bystander = await makeGroup(app, { members: [person.user.id] });
  return { person, carrier: c, bystander };
}

const cascaded = (bystander: GroupEntity): Row => ({ action: 'MEMBER_REMOVED', group: bystander.name, cause: 'CASCADE', actorId: null });

describe('every membership change is one unit of work: its audit rows and its cascade', () => {
  it('leaveGroup (open group): MEMBER_LEFT by the member, then the cascade', async () => {
    const { person, carrier, bystander } = await dependent({ open: true });
    const mark = await auditMark();
    expect((await app.gql('mutation ($g: ID!) { leaveGroup(groupId: $g) { outcome } }', { g: carrier.id }, person.as)).data).toEqual({ leaveGroup: { outcome: 'LEFT' } });
    expect(await membershipEvents(person.user.id, mark)).toEqual([{ action: 'MEMBER_LEFT', group: carrier.name, cause: 'SELF', actorId: person.user.id }, cascaded(bystander)]);
    expect(await groupsOf(person.user.id)).toEqual([]);
  });

  it('approveRequest (LEAVE): MEMBER_LEFT by the approver, then the cascade', async () => {
    const { person, carrier, bystander } = await dependent();
    const asked = await app.gql<{ leaveGroup: { request: { id: string } } }>('mutation ($g: ID!) { leaveGroup(groupId: $g) { request { id } } }', { g: carrier.id }, person.as);
    const mark = await auditMark();
    const approved = await app.gql('mutation ($r: ID!) { approveRequest(requestId: $r) { status } }', { r: asked.data!.leaveGroup.request.id }, cast.leader.as);
    expect(outcome(approved)).toBe('OK');
    expect(await membershipEvents(person.user.id, mark)).toEqual([
      { action: 'MEMBER_LEFT', group: carrier.name, cause: 'REQUEST_APPROVED', actorId: cast.leader.user.id },
      cascaded(bystander),
    ]);
  });

  it('removeGroupMembers (a leader): MEMBER_REMOVED with cause LEADER, the member told, then the cascade', async () => {
    const { person, carrier, bystander } = await dependent();
    const mark = await auditMark();
    const removed = await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: carrier.id, u: [person.user.id] }, cast.leader.as);
    expect(removed.data).toEqual({ removeGroupMembers: 1 });
    expect(await membershipEvents(person.user.id, mark)).toEqual([{ action: 'MEMBER_REMOVED', group: carrier.name, cause: 'LEADER', actorId: cast.leader.user.id }, cascaded(bystander)]);
    expect(await app.dataSource.manager.countBy(NotificationEntity, { userId: person.user.id, title: `You were removed from ${carrier.name}` })).toBe(1);
  });

  it('the expiry sweep: MEMBER_REMOVED with cause EXPIRY by the system, then the cascade', async () => {
    const { person, carrier, bystander } = await dependent();
    await app.dataSource.manager.update(MembershipEntity, { userId: person.user.id, groupId: carrier.id }, { expiresAt: new Date(Date.now() - 1000) });
    const mark = await auditMark();
    await app.services.sweeper.run();
    expect(await membershipEvents(person.user.id, mark)).toEqual([{ action: 'MEMBER_REMOVED', group: carrier.name, cause: 'EXPIRY', actorId: null }, cascaded(bystander)]);
  });

  it('deleteGroup: MEMBER_REMOVED with cause GROUP_DELETED by the admin, then the cascade', async () => {
    const { person, carrier, bystander } = await dependent();
    const mark = await auditMark();
    expect((await app.gql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: carrier.id }, cast.admin.as)).data).toEqual({ deleteGroup: true });
    expect(await membershipEvents(person.user.id, mark)).toEqual([
      { action: 'MEMBER_REMOVED', group: carrier.name, cause: 'GROUP_DELETED', actorId: cast.admin.user.id },
      cascaded(bystander),
    ]);
  });

  it('setUserPermissions and deactivation: no membership of their own, the cascade ends the non-public ones', async () => {
    const direct = await makeUser(app, { permissions: ['groups.request'] });
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    await app.dataSource.manager.delete(MembershipEntity, { userId: direct.user.id, groupId: member.id });
    const club = await makeGroup(app, { members: [direct.user.id] });
    let mark = await auditMark();
    expect(outcome(await app.gql('mutation ($u: ID!) { setUserPermissions(userId: $u, permissions: []) { id } }', { u: direct.user.id }, cast.admin.as))).toBe('OK');
    expect(await membershipEvents(direct.user.id, mark)).toEqual([cascaded(club)]);

    const { person, carrier, bystander } = await dependent();
    mark = await auditMark();
    expect(outcome(await app.gql('mutation ($u: ID!) { updateUser(id: $u, input: { isActive: false }) { id } }', { u: person.user.id }, cast.admin.as))).toBe('OK');
    expect((await membershipEvents(person.user.id, mark)).sort((a, b) => a.group!.localeCompare(b.group!))).toEqual(
      [cascaded(carrier), cascaded(bystander)].sort((a, b) => a.group!.localeCompare(b.group!)),
    );
  });

  it('deleteUser: each membership ends audited (cause USER_DELETED), and the rows outlive the user', async () => {
    const person = await makeUser(app);
    const club = await makeGroup(app, { members: [person.user.id] });
    const lapsed = await makeGroup(app);
    await addMember(app, lapsed.id, person.user.id, new Date(Date.now() - 1000));
    const mark = await auditMark();
    expect((await app.gql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: person.user.id }, cast.admin.as)).data).toEqual({ deleteUser: true });
    const ended = (await membershipEvents(person.user.id, mark)).sort((a, b) => a.group!.localeCompare(b.group!));
    const expected = ['Member', club.name, lapsed.name].map((group) => ({ action: 'MEMBER_REMOVED', group, cause: 'USER_DELETED', actorId: cast.admin.user.id }));
    expect(ended).toEqual(expected.sort((a, b) => a.group.localeCompare(b.group)));
    expect(await app.dataSource.manager.countBy(UserEntity, { id: person.user.id })).toBe(0);
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id })).toBe(0);
  });

  it('createUser (default group), joinGroup, approveRequest (JOIN) and addGroupMembers add audited, replacing an expired row', async () => {
    const mark = await auditMark();
    const person = await makeUser(app);
    const open = await makeGroup(app, { open: true });
    const closed = await makeGroup(app, { leaders: [cast.leader.user.id] });
    const direct = await makeGroup(app, { leaders: [cast.leader.user.id] });
    for (const g of [open, closed, direct]) await addMember(app, g.id, person.user.id, new Date(Date.now() - 1000));
    expect((await app.gql<{ joinGroup: { outcome: string } }>('mutation ($g: ID!) { joinGroup(groupId: $g) { outcome } }', { g: open.id }, person.as)).data?.joinGroup.outcome).toBe('JOINED');
    const asked = await app.gql<{ joinGroup: { request: { id: string } } }>('mutation ($g: ID!) { joinGroup(groupId: $g) { request { id } } }', { g: closed.id }, person.as);
    expect(outcome(await app.gql('mutation ($r: ID!) { approveRequest(requestId: $r) { status } }', { r: asked.data!.joinGroup.request.id }, cast.leader.as))).toBe('OK');
    const until = new Date(Date.now() + 86_400_000);
    const added = await app.gql('mutation ($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { source } }', { g: direct.id, u: [person.user.id], e: until }, cast.leader.as);
    expect(added.data).toEqual({ addGroupMembers: [{ source: 'ADDED' }] });
    expect(await membershipEvents(person.user.id, mark)).toEqual([
      { action: 'MEMBER_ADDED', group: 'Member', cause: 'default group', source: 'DEFAULT', actorId: null },
      { action: 'MEMBER_JOINED', group: open.name, cause: 'SELF', source: 'OPEN_JOIN', actorId: person.user.id },
      { action: 'MEMBER_ADDED', group: closed.name, cause: 'REQUEST_APPROVED', source: 'REQUEST', actorId: cast.leader.user.id },
      { action: 'MEMBER_ADDED', group: direct.name, cause: 'LEADER', source: 'ADDED', actorId: cast.leader.user.id },
    ]);
    const rows = await app.dataSource.manager.findBy(MembershipEntity, { userId: person.user.id });
    const byGroup = new Map(rows.map((m) => [m.groupId, m]));
    expect(byGroup.get(open.id)?.expiresAt).toBeNull();
    expect(byGroup.get(closed.id)?.source).toBe('REQUEST');
    expect(byGroup.get(direct.id)?.expiresAt?.getTime()).toBe(until.getTime());
  });

  it('SSO sync: joins and ends SSO memberships with cause SSO, then the cascade', async () => {
    await app.gql('mutation { updateSettings(input: { sso: { groupSync: SYNC } }) { autoLeave } }', {}, cast.admin.as);
    try {
      const carrier = await makeGroup(app, { name: `Carrier ${Date.now()}`, permissions: ['groups.request'] });
      const claims = (groups: string[]) => ({ email: `sso-${carrier.id}@example.com`, email_verified: true, name: 'Sam Sso', groups });
      const user = await app.services.sso.signOn('https://idp.example', `sub-${carrier.id}`, claims([carrier.name]));
      const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
      await app.dataSource.manager.delete(MembershipEntity, { userId: user.id, groupId: member.id });
      const bystander = await makeGroup(app, { members: [user.id] });
      const mark = await auditMark();
      await app.services.sso.signOn('https://idp.example', `sub-${carrier.id}`, claims(['no such group']));
      expect(await membershipEvents(user.id, mark)).toEqual([{ action: 'MEMBER_REMOVED', group: carrier.name, cause: 'SSO', actorId: null }, cascaded(bystander)]);
    } finally {
      await app.gql('mutation { updateSettings(input: { sso: { groupSync: OFF } }) { autoLeave } }', {}, cast.admin.as);
    }
  });

  it('a unit returns every change it made, the cascade’s included, in order (what the event hook receives)', async () => {
    const { person, carrier, bystander } = await dependent();
    const subject = { id: person.user.id, label: 'Person' };
    const done = await app.services.db.transaction((tx) =>
      app.services.memberships.change(tx, { cascade: { userIds: [person.user.id], actor: SYSTEM_ACTOR, cause: 'test' } }, (unit) =>
        unit.end({ user: subject, group: carrier, actor: SYSTEM_ACTOR, action: 'MEMBER_REMOVED', cause: 'ADMIN' }),
      ),
    );
    expect(done.result).toBe(true);
    expect(done.cascade).toEqual({ ended: 1, userIds: [person.user.id] });
    expect(done.changes.map((c) => [c.kind, c.groupId, c.cause])).toEqual([
      ['REMOVED', carrier.id, 'ADMIN'],
      ['REMOVED', bystander.id, 'CASCADE'],
    ]);
  });
});
