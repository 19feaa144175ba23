import type { SsoGroupSync, SsoSettingsInput } from '../../gql/graphql';

/** The `sso` block of the settings (SPEC §13), as the form holds it. */
export interface SsoSettingsValues {
  groupSync: SsoGroupSync;
  claim: string;
  createGroups: boolean;
  blockedGroups: string[];
  createUsers: boolean;
  linkByEmail: boolean;
}

export interface SsoSettingsSource {
  groupSync: SsoGroupSync;
  claim: string;
  createGroups: boolean;
  blockedGroups: readonly string[];
  createUsers: boolean;
  linkByEmail: boolean;
}

export function ssoValuesOf(sso: SsoSettingsSource): SsoSettingsValues {
  return { ...sso, blockedGroups: [...sso.blockedGroups] };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Only what changed, as `updateSettings({ sso })` takes it (omitted fields stay); plus problems found before sending. */
export function ssoChanges(
  initial: SsoSettingsValues,
  values: SsoSettingsValues,
): { input: SsoSettingsInput; errors: Record<string, string> } {
  const input: SsoSettingsInput = {};
  const errors: Record<string, string> = {};
  if (values.groupSync !== initial.groupSync) input.groupSync = values.groupSync;
  const claim = values.claim.trim();
  if (!claim) errors['claim'] = 'Enter the claim that lists groups, e.g. groups.';
  else if (claim !== initial.claim) input.claim = claim;
  for (const key of ['createGroups', 'createUsers', 'linkByEmail'] as const) {
    if (values[key] !== initial[key]) input[key] = values[key];
  }
  const blocked = [...new Set(values.blockedGroups.map((pattern) => pattern.trim()).filter(Boolean))];
  if (!sameList(blocked, initial.blockedGroups)) input.blockedGroups = blocked;
  return { input, errors };
}
