import type { PermissionLossPolicy, Registration, SettingsInput } from '../../gql/graphql';

/** The settings form's values, as the form holds them. */
export interface SettingsValues {
  autoLeave: boolean;
  notifyApprovers: boolean;
  allowSelfApproval: boolean;
  requireRequestReason: boolean;
  permissionLossPolicy: PermissionLossPolicy;
  defaultGroups: { id: string; label: string }[];
  adminBypass: boolean;
  registration: Registration;
  expiryWarningDays: number | '';
}

export interface SettingsSource {
  autoLeave: boolean;
  notifyApprovers: boolean;
  allowSelfApproval: boolean;
  requireRequestReason: boolean;
  permissionLossPolicy: PermissionLossPolicy;
  defaultGroups: readonly { id: string; name: string }[];
  adminBypass: boolean;
  registration: Registration;
  expiryWarningDays: number;
}

export function settingsValuesOf(settings: SettingsSource): SettingsValues {
  return {
    autoLeave: settings.autoLeave,
    notifyApprovers: settings.notifyApprovers,
    allowSelfApproval: settings.allowSelfApproval,
    requireRequestReason: settings.requireRequestReason,
    permissionLossPolicy: settings.permissionLossPolicy,
    defaultGroups: settings.defaultGroups.map((group) => ({ id: group.id, label: group.name })),
    adminBypass: settings.adminBypass,
    registration: settings.registration,
    expiryWarningDays: settings.expiryWarningDays,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Only what changed, as `updateSettings` takes it (omitted fields stay); plus problems found before
 * sending. Single sign-on settings are edited on their own page (features/sso).
 */
export function settingsChanges(initial: SettingsValues, values: SettingsValues): { input: SettingsInput; errors: Record<string, string> } {
  const input: SettingsInput = {};
  const errors: Record<string, string> = {};
  for (const key of ['autoLeave', 'notifyApprovers', 'allowSelfApproval', 'requireRequestReason', 'adminBypass'] as const) {
    if (values[key] !== initial[key]) input[key] = values[key];
  }
  if (values.permissionLossPolicy !== initial.permissionLossPolicy) input.permissionLossPolicy = values.permissionLossPolicy;
  if (values.registration !== initial.registration) input.registration = values.registration;
  const groupIds = values.defaultGroups.map((group) => group.id);
  if (!sameList(groupIds, initial.defaultGroups.map((group) => group.id))) input.defaultGroupIds = groupIds;
  if (values.expiryWarningDays === '') errors['expiryWarningDays'] = 'Enter a number of days.';
  else if (values.expiryWarningDays !== initial.expiryWarningDays) input.expiryWarningDays = values.expiryWarningDays;
  return { input, errors };
}
