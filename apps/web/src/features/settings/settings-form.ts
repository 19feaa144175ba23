import type { PermissionLossPolicy, Registration, SettingsInput, SsoGroupSync } from '../../gql/graphql';

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
  ssoGroupSync: SsoGroupSync;
  ssoClaim: string;
  ssoCreateGroups: boolean;
  ssoBlockedGroups: string[];
  ssoCreateUsers: boolean;
  ssoLinkByEmail: boolean;
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
  sso: {
    groupSync: SsoGroupSync;
    claim: string;
    createGroups: boolean;
    blockedGroups: readonly string[];
    createUsers: boolean;
    linkByEmail: boolean;
  };
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
    ssoGroupSync: settings.sso.groupSync,
    ssoClaim: settings.sso.claim,
    ssoCreateGroups: settings.sso.createGroups,
    ssoBlockedGroups: [...settings.sso.blockedGroups],
    ssoCreateUsers: settings.sso.createUsers,
    ssoLinkByEmail: settings.sso.linkByEmail,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Only what changed, as `updateSettings` takes it (omitted fields stay); plus problems found before sending. */
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
  const sso: NonNullable<SettingsInput['sso']> = {};
  if (values.ssoGroupSync !== initial.ssoGroupSync) sso.groupSync = values.ssoGroupSync;
  const claim = values.ssoClaim.trim();
  if (!claim) errors['claim'] = 'Enter the claim that lists groups, e.g. groups.';
  else if (claim !== initial.ssoClaim) sso.claim = claim;
  if (values.ssoCreateGroups !== initial.ssoCreateGroups) sso.createGroups = values.ssoCreateGroups;
  if (values.ssoCreateUsers !== initial.ssoCreateUsers) sso.createUsers = values.ssoCreateUsers;
  if (values.ssoLinkByEmail !== initial.ssoLinkByEmail) sso.linkByEmail = values.ssoLinkByEmail;
  if (!sameList(values.ssoBlockedGroups, initial.ssoBlockedGroups)) sso.blockedGroups = values.ssoBlockedGroups;
  if (Object.keys(sso).length > 0) input.sso = sso;
  return { input, errors };
}
