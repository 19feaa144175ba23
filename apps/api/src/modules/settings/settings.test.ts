import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, newId, outcome, type Cast } from '../../../test/factories';
import { GroupEntity } from '../groups/group.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const UPDATE = 'mutation ($i: SettingsInput!) { updateSettings(input: $i) { autoLeave expiryWarningDays defaultGroups { name } sso { groupSync claim } } }';

describe('settings', () => {
  it('reads the defaults of SPEC §13', async () => {
    const result = await app.gql('{ settings { autoLeave notifyApprovers allowSelfApproval requireRequestReason permissionLossPolicy defaultGroups { name } adminBypass registration expiryWarningDays sso { groupSync claim createGroups blockedGroups linkByEmail createUsers } } }', {}, cast.admin.as);
    expect(result.data).toEqual({
      settings: {
        autoLeave: false, notifyApprovers: true, allowSelfApproval: false, requireRequestReason: false,
        permissionLossPolicy: 'REMOVE_NON_PUBLIC', defaultGroups: [{ name: 'Member' }], adminBypass: true,
        registration: 'CLOSED', expiryWarningDays: 7,
        sso: { groupSync: 'OFF', claim: 'groups', createGroups: false, blockedGroups: [], linkByEmail: false, createUsers: true },
      },
    });
  });

  it('settings query: authorization matrix (admins)', async () => {
    await expectMatrix(app, cast, '{ settings { autoLeave } }', () => ({}), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('updateSettings: authorization matrix (admins), partial updates keep the rest', async () => {
    await expectMatrix(app, cast, UPDATE, () => ({ i: { autoLeave: true } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const result = await app.gql(UPDATE, { i: { sso: { claim: 'realm_access.roles' } } }, cast.admin.as);
    expect(result.data).toEqual({ updateSettings: { autoLeave: true, expiryWarningDays: 7, defaultGroups: [{ name: 'Member' }], sso: { groupSync: 'OFF', claim: 'realm_access.roles' } } });
  });

  it.each([
    ['a negative warning period', { expiryWarningDays: -1 }],
    ['an unknown default group', { defaultGroupIds: [newId()] }],
    ['a malformed default group id', { defaultGroupIds: ['x'] }],
    ['a claim that is not a dotted path', { sso: { claim: 'groups[0]' } }],
    ['an unknown policy', { permissionLossPolicy: 'SOMETIMES' }],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input) => {
    const before = JSON.stringify((await app.gql('{ settings { expiryWarningDays defaultGroups { id } sso { claim } permissionLossPolicy } }', {}, cast.admin.as)).data);
    expect(outcome(await app.gql(UPDATE, { i: input }, cast.admin.as))).toBe('BAD_USER_INPUT');
    const after = JSON.stringify((await app.gql('{ settings { expiryWarningDays defaultGroups { id } sso { claim } permissionLossPolicy } }', {}, cast.admin.as)).data);
    expect(after).toBe(before);
  });

  it('refuses the System group as a default group', async () => {
    const system = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'SYSTEM' });
    expect(outcome(await app.gql(UPDATE, { i: { defaultGroupIds: [system.id] } }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('audits which settings changed', async () => {
    await app.gql(UPDATE, { i: { expiryWarningDays: 3, sso: { createGroups: true } } }, cast.admin.as);
    const events = await app.gql('{ auditEvents(filter: { action: "SETTINGS_CHANGED" }, first: 1) { edges { node { details } } } }', {}, cast.admin.as);
    expect(events.data).toEqual({ auditEvents: { edges: [{ node: { details: { fields: ['expiryWarningDays', 'sso.createGroups'] } } }] } });
  });
});
