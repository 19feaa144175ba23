import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '@gatehouse/shared';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast } from '../../../test/factories';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const DEFINE = 'mutation ($k: String!, $d: String!) { definePermission(key: $k, description: $d) { key builtIn } }';
const SET = 'mutation ($u: ID!, $p: [String!]!) { setUserPermissions(userId: $u, permissions: $p) { permissions effectivePermissions } }';
const settings = (input: Record<string, unknown>) => app.gql('mutation ($i: SettingsInput!) { updateSettings(input: $i) { permissionLossPolicy } }', { i: input }, cast.admin.as);

describe('the permission catalog', () => {
  it('lists the built-in keys to signed-in users', async () => {
    const result = await app.gql('{ permissions { key builtIn } }', {}, cast.user.as);
    const keys = (result.data as { permissions: { key: string; builtIn: boolean }[] }).permissions;
    expect(keys.filter((k) => k.builtIn).map((k) => k.key).sort()).toEqual(Object.keys(BUILT_IN_PERMISSIONS).sort());
    expect(outcome(await app.gql('{ permissions { key } }'))).toBe('UNAUTHENTICATED');
  });

  it('definePermission: authorization matrix (admins), shape check, duplicates refused', async () => {
    let i = 0;
    await expectMatrix(app, cast, DEFINE, () => ({ k: `wiki.edit${i++}`, d: 'Edit the wiki' }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    for (const bad of ['wiki', 'Wiki.Edit', 'wiki.edit.more', '.edit', `a.${'b'.repeat(60)}`]) {
      expect(outcome(await app.gql(DEFINE, { k: bad, d: 'x' }, cast.admin.as))).toBe('BAD_USER_INPUT');
    }
    expect((await app.gql(DEFINE, { k: 'groups.request', d: 'again' }, cast.admin.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERMISSION_EXISTS' });
  });
});

describe('SPEC §1 effective permissions and SPEC §8 the cascade (setUserPermissions)', () => {
  it('authorization matrix: admins only', async () => {
    const target = await makeUser(app);
    await expectMatrix(app, cast, SET, () => ({ u: target.user.id, p: ['audit.read'] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('refuses unknown keys and changes nothing', async () => {
    const target = await makeUser(app);
    const result = await app.gql(SET, { u: target.user.id, p: ['audit.read', 'made.up'] }, cast.admin.as);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    expect(result.errors?.[0]?.message).toContain('made.up');
    const me = await app.gql('{ me { permissions } }', {}, target.as);
    expect(me.data).toEqual({ me: { permissions: [] } });
  });

  it('effective = direct ∪ current groups’ permissions, with origins', async () => {
    const person = await makeUser(app);
    await app.gql(SET, { u: person.user.id, p: ['resources.create'] }, cast.admin.as);
    const g = await makeGroup(app, { name: 'Auditors', permissions: ['audit.read', 'resources.create'], members: [person.user.id] });
    const me = await app.gql('{ me { effectivePermissions permissionOrigins { key direct admin groups { name } } } }', {}, person.as);
    expect(me.data).toEqual({
      me: {
        effectivePermissions: ['audit.read', 'groups.request', 'resources.create'],
        permissionOrigins: [
          { key: 'audit.read', direct: false, admin: false, groups: [{ name: 'Auditors' }] },
          { key: 'groups.request', direct: false, admin: false, groups: [{ name: 'Member' }] },
          { key: 'resources.create', direct: true, admin: false, groups: [{ name: 'Auditors' }] },
        ],
      },
    });
    void g;
  });

  it('admins hold every permission, including custom ones; inactive users hold none', async () => {
    await app.gql(DEFINE, { k: 'chat.moderate', d: 'Moderate chat' }, cast.admin.as);
    const admin = await app.gql('{ me { effectivePermissions } }', {}, cast.admin.as);
    expect((admin.data as { me: { effectivePermissions: string[] } }).me.effectivePermissions).toContain('chat.moderate');
    const target = await makeUser(app);
    await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: target.user.id }, cast.admin.as);
    const seen = await app.gql('query ($id: ID!) { user(id: $id) { effectivePermissions } }', { id: target.user.id }, cast.admin.as);
    expect(seen.data).toEqual({ user: { effectivePermissions: [] } });
  });

  it('removing a direct groups.request applies permissionLossPolicy (each policy)', async () => {
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    const run = async (policy: string) => {
      await settings({ permissionLossPolicy: policy });
      const person = await makeUser(app);
      await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id, groupId: member.id });
      await app.gql(SET, { u: person.user.id, p: ['groups.request'] }, cast.admin.as);
      const selfService = await makeGroup(app, { members: [person.user.id] });
      const internal = await makeGroup(app, { internal: true, members: [person.user.id] });
      const pub = await makeGroup(app, { public: true, members: [person.user.id] });
      await app.gql(SET, { u: person.user.id, p: [] }, cast.admin.as);
      const left = new Set((await app.dataSource.manager.findBy(MembershipEntity, { userId: person.user.id })).map((m) => m.groupId));
      return { selfService: left.has(selfService.id), internal: left.has(internal.id), pub: left.has(pub.id) };
    };
    expect(await run('REMOVE_NON_PUBLIC')).toEqual({ selfService: false, internal: false, pub: true });
    expect(await run('REMOVE_SELF_SERVICE')).toEqual({ selfService: false, internal: true, pub: true });
    expect(await run('KEEP')).toEqual({ selfService: true, internal: true, pub: true });
    await settings({ permissionLossPolicy: 'REMOVE_NON_PUBLIC' });
  });

  it('the cascade spares service accounts and the System group', async () => {
    const svc = await makeUser(app, { kind: 'SERVICE' });
    await app.gql(SET, { u: svc.user.id, p: ['groups.request'] }, cast.admin.as);
    const group = await makeGroup(app);
    await addMember(app, group.id, svc.user.id);
    await app.gql(SET, { u: svc.user.id, p: [] }, cast.admin.as);
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: svc.user.id })).toBe(2);
  });
});
