import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast } from '../../../test/factories';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { MembershipEntity } from './membership.entity';
import type { MembershipChange } from './membership.events';
import { MembershipsService } from './memberships.service';
import { PermissionCascade } from './permission-cascade';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;
const UPDATE = 'mutation ($g: ID!, $u: ID!, $e: DateTime) { updateMembership(groupId: $g, userId: $u, expiresAt: $e) { expiresAt user { id } group { id } } }';
const row = (userId: string, groupId: string) => app.dataSource.manager.findOneBy(MembershipEntity, { userId, groupId });

describe('SPEC §20 updateMembership', () => {
  it('authorization matrix: leaders of the group, managers and admins; a plain user is FORBIDDEN', async () => {
    const until = new Date(Date.now() + 40 * DAY);
    await expectMatrix(
      app,
      cast,
      UPDATE,
      async () => {
        const member = await makeUser(app);
        await addMember(app, cast.group.id, member.user.id, new Date(Date.now() + 2 * DAY));
        return { g: cast.group.id, u: member.user.id, e: until.toISOString() };
      },
      { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'OK', admin: 'OK' },
    );
  });

  it('sets exactly the given expiry, clears it with null, audits each change and notifies the member', async () => {
    const member = await makeUser(app);
    await addMember(app, cast.group.id, member.user.id, new Date(Date.now() + 2 * DAY));
    await app.dataSource.manager.update(MembershipEntity, { userId: member.user.id, groupId: cast.group.id }, { expiryWarnedAt: new Date() });
    const until = new Date(Date.now() + 90 * DAY);
    const set = await app.gql<{ updateMembership: { expiresAt: string } }>(UPDATE, { g: cast.group.id, u: member.user.id, e: until.toISOString() }, cast.leader.as);
    expect(set.errors).toBeUndefined();
    expect(new Date(set.data!.updateMembership.expiresAt).getTime()).toBe(until.getTime());
    const after = await row(member.user.id, cast.group.id);
    expect(after?.expiresAt?.getTime()).toBe(until.getTime());
    expect(after?.expiryWarnedAt).toBeNull(); // a new expiry is warned of again
    expect(after?.source).toBe('ADDED'); // the same membership: "member since" is kept

    const cleared = await app.gql<{ updateMembership: { expiresAt: string | null } }>(UPDATE, { g: cast.group.id, u: member.user.id, e: null }, cast.admin.as);
    expect(cleared.data?.updateMembership.expiresAt).toBeNull();
    expect((await row(member.user.id, cast.group.id))?.expiresAt).toBeNull();

    const events = await app.dataSource.manager.find(AuditEventEntity, { where: { userId: member.user.id, action: 'MEMBERSHIP_UPDATED' }, order: { id: 'ASC' } });
    expect(events.map((e) => e.details)).toEqual([
      expect.objectContaining({ cause: 'LEADER', expiresAt: until.toISOString() }),
      expect.objectContaining({ cause: 'ADMIN', expiresAt: null, previousExpiresAt: until.toISOString() }),
    ]);
    expect(events[0]!.actorId).toBe(cast.leader.user.id);
    const notes = await app.dataSource.manager.findBy(NotificationEntity, { userId: member.user.id });
    expect(notes.map((n) => n.title).sort()).toEqual([`Your membership of ${cast.group.name} no longer expires`, `Your membership of ${cast.group.name} now ends on ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`].sort());
  });

  it('internal groups: only admins (a leader of one is FORBIDDEN)', async () => {
    const internal = await makeGroup(app, { internal: true, leaders: [cast.leader.user.id] });
    const member = await makeUser(app);
    await addMember(app, internal.id, member.user.id, new Date(Date.now() + DAY));
    const vars = { g: internal.id, u: member.user.id, e: new Date(Date.now() + 10 * DAY).toISOString() };
    expect((await app.gql(UPDATE, vars, cast.leader.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
    expect(outcome(await app.gql(UPDATE, vars, cast.manager.as))).toBe('FORBIDDEN');
    expect(outcome(await app.gql(UPDATE, vars, cast.admin.as))).toBe('OK');
  });

  it('a member never changes their own expiry; a leader of another group is FORBIDDEN', async () => {
    const group = await makeGroup(app);
    const member = await makeUser(app);
    await addMember(app, group.id, member.user.id, new Date(Date.now() + DAY));
    const vars = { g: group.id, u: member.user.id, e: new Date(Date.now() + 10 * DAY).toISOString() };
    expect(outcome(await app.gql(UPDATE, vars, member.as))).toBe('FORBIDDEN');
    expect(outcome(await app.gql(UPDATE, vars, cast.leader.as))).toBe('FORBIDDEN');
    // A leader who is also a member of their group does not extend themselves.
    const self = await makeUser(app);
    const led = await makeGroup(app, { leaders: [self.user.id] });
    await addMember(app, led.id, self.user.id, new Date(Date.now() + DAY));
    const mine = await app.gql(UPDATE, { g: led.id, u: self.user.id, e: vars.e }, self.as);
    expect(mine.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
  });

  it('bad input: a past expiry is BAD_USER_INPUT; a non-member or expired member is CONFLICT (NOT_MEMBER); unknown group NOT_FOUND', async () => {
    const member = await makeUser(app);
    await addMember(app, cast.group.id, member.user.id, new Date(Date.now() + DAY));
    expect(outcome(await app.gql(UPDATE, { g: cast.group.id, u: member.user.id, e: new Date(Date.now() - DAY).toISOString() }, cast.admin.as))).toBe('BAD_USER_INPUT');
    const stranger = await makeUser(app);
    const notMember = await app.gql(UPDATE, { g: cast.group.id, u: stranger.user.id, e: null }, cast.admin.as);
    expect(notMember.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_MEMBER' });
    const lapsed = await makeUser(app);
    await addMember(app, cast.group.id, lapsed.user.id, new Date(Date.now() - 1000));
    expect(outcome(await app.gql(UPDATE, { g: cast.group.id, u: lapsed.user.id, e: null }, cast.admin.as))).toBe('CONFLICT');
    expect(outcome(await app.gql(UPDATE, { g: cast.group.id, u: 'nope', e: null }, cast.admin.as))).toBe('CONFLICT');
    expect(outcome(await app.gql(UPDATE, { g: newId(), u: member.user.id, e: null }, cast.admin.as))).toBe('NOT_FOUND');
  });

  it('the unit of work records the change as UPDATED for the event hook', async () => {
    const recorded: MembershipChange[] = [];
    const service = new MembershipsService(new PermissionCascade(), async (_tx, changes) => {
      recorded.push(...changes);
    });
    const member = await makeUser(app);
    await addMember(app, cast.group.id, member.user.id, new Date(Date.now() + DAY));
    const until = new Date(Date.now() + 5 * DAY);
    await app.services.db.transaction((tx) =>
      service.change(tx, {}, (unit) =>
        unit.setExpiry({ user: { id: member.user.id, label: 'm' }, group: { id: cast.group.id, name: cast.group.name }, actor: { id: null, label: 'System' }, expiresAt: until, cause: 'ADMIN' }),
      ),
    );
    expect(recorded).toEqual([expect.objectContaining({ kind: 'UPDATED', userId: member.user.id, groupId: cast.group.id, expiresAt: until, cause: 'ADMIN', source: 'ADDED' })]);
  });
});
