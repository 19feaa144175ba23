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
};

describe('settingsChanges', () => {
  it('sends nothing when nothing changed', () => {
    const values = settingsValuesOf(source);
    expect(settingsChanges(values, values)).toEqual({ input: {}, errors: {} });
  });

  it('sends only the changed fields', () => {
    const initial = settingsValuesOf(source);
    const values = { ...initial, autoLeave: true, defaultGroups: [], permissionLossPolicy: 'KEEP' as const };
    expect(settingsChanges(initial, values).input).toEqual({ autoLeave: true, defaultGroupIds: [], permissionLossPolicy: 'KEEP' });
  });

  it('points out an empty day count before sending', () => {
    const initial = settingsValuesOf(source);
    const { errors } = settingsChanges(initial, { ...initial, expiryWarningDays: '' });
    expect(Object.keys(errors)).toEqual(['expiryWarningDays']);
  });
});
