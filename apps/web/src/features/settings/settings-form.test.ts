import { describe, expect, it } from 'vitest';
import { settingsChanges, settingsValuesOf, type SettingsSource } from './settings-form';

const source: SettingsSource = {
  autoLeave: false,
  notifyApprovers: true,
  allowSelfApproval: false,
  requireRequestReason: false,
  permissionLossPolicy: 'REMOVE_NON_PUBLIC',
  defaultGroups: [{ id: 'm', name: 'Member' }],
  adminBypass: true,
  registration: 'CLOSED',
  expiryWarningDays: 7,
  sso: { groupSync: 'OFF', claim: 'groups', createGroups: false, blockedGroups: [], createUsers: true, linkByEmail: false },
};

describe('settingsChanges', () => {
  it('sends nothing when nothing changed', () => {
    const values = settingsValuesOf(source);
    expect(settingsChanges(values, values)).toEqual({ input: {}, errors: {} });
  });

  it('sends only the changed fields, sso nested', () => {
    const initial = settingsValuesOf(source);
    const values = { ...initial, autoLeave: true, defaultGroups: [], ssoGroupSync: 'SYNC' as const, ssoClaim: ' roles ' };
    expect(settingsChanges(initial, values).input).toEqual({ autoLeave: true, defaultGroupIds: [], sso: { groupSync: 'SYNC', claim: 'roles' } });
  });

  it('points out an empty day count and claim before sending', () => {
    const initial = settingsValuesOf(source);
    const { errors } = settingsChanges(initial, { ...initial, expiryWarningDays: '', ssoClaim: '  ' });
    expect(Object.keys(errors).sort()).toEqual(['claim', 'expiryWarningDays']);
  });
});
