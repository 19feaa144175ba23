import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, type Cast } from '../../../test/factories';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const GROUP_IMPACT = 'query ($g: ID!, $p: [String!]!) { groupPermissionImpact(groupId: $g, permissions: $p) { membershipsEnded usersLosingRequest users { id } } }';

describe('SPEC §8 impact preview', () => {
  it('reports exactly what saving would end, and changes nothing', async () => {
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    const carrier = await makeGroup(app, { internal: true, permissions: ['groups.request'] });
    const people = await Promise.all([makeUser(app), makeUser(app)]);
    for (const p of people) {
      await app.dataSource.manager.delete(MembershipEntity, { userId: p.user.id, groupId: member.id });
      await app.dataSource.manager.insert(MembershipEntity, { userId: p.user.id, groupId: carrier.id, source: 'ADDED', addedById: null });
    }
    await makeGroup(app, { members: people.map((p) => p.user.id) });
    const auditBefore = await app.dataSource.manager.count(AuditEventEntity);
    const membershipsBefore = await app.dataSource.manager.count(MembershipEntity);
    const preview = await app.gql<{ groupPermissionImpact: { membershipsEnded: number; usersLosingRequest: number; users: { id: string }[] } }>(GROUP_IMPACT, { g: carrier.id, p: [] }, cast.admin.as);
    // each person loses the carrier (internal, non-public) and the other group: 4 memberships
    expect(preview.data?.groupPermissionImpact).toMatchObject({ membershipsEnded: 4, usersLosingRequest: 2 });
    expect(await app.dataSource.manager.count(MembershipEntity)).toBe(membershipsBefore);
    expect(await app.dataSource.manager.count(AuditEventEntity)).toBe(auditBefore);
    // and saving does what the preview said
    await app.gql('mutation ($g: ID!) { updateGroup(id: $g, input: { permissions: [] }) { id } }', { g: carrier.id }, cast.admin.as);
    expect(await app.dataSource.manager.count(MembershipEntity)).toBe(membershipsBefore - 4);
  });

  it('groupPermissionImpact and userPermissionImpact: admins only', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await expectMatrix(app, cast, GROUP_IMPACT, () => ({ g: group.id, p: [] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const target = await makeUser(app);
    await expectMatrix(app, cast, 'query ($u: ID!) { userPermissionImpact(userId: $u, permissions: []) { membershipsEnded } }', () => ({ u: target.user.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });
});
