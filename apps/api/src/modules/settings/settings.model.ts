/** Every setting of SPEC §13 with its default. Stored as one JSON document (setting key `general`). */
export type PermissionLossPolicy = 'REMOVE_NON_PUBLIC' | 'REMOVE_SELF_SERVICE' | 'KEEP';
export type Registration = 'OPEN' | 'CLOSED';
export type SsoGroupSync = 'OFF' | 'ADD_ONLY' | 'SYNC';

export interface SsoSettingsModel {
  groupSync: SsoGroupSync;
  claim: string;
  createGroups: boolean;
  blockedGroups: string[];
  linkByEmail: boolean;
  createUsers: boolean;
}

export interface SettingsModel {
  autoLeave: boolean;
  notifyApprovers: boolean;
  allowSelfApproval: boolean;
  requireRequestReason: boolean;
  permissionLossPolicy: PermissionLossPolicy;
  /** Group ids new users join. null = the built-in Member group (resolved when read). */
  defaultGroupIds: string[] | null;
  adminBypass: boolean;
  registration: Registration;
  expiryWarningDays: number;
  sso: SsoSettingsModel;
}

export const DEFAULT_SETTINGS: SettingsModel = {
  autoLeave: false,
  notifyApprovers: true,
  allowSelfApproval: false,
  requireRequestReason: false,
  permissionLossPolicy: 'REMOVE_NON_PUBLIC',
  defaultGroupIds: null,
  adminBypass: true,
  registration: 'CLOSED',
  expiryWarningDays: 7,
  sso: { groupSync: 'OFF', claim: 'groups', createGroups: false, blockedGroups: [], linkByEmail: false, createUsers: true },
};

export const SETTINGS_KEY = 'general';

/** Stored values over defaults, so a setting added later reads its default on old databases. */
export function withDefaults(stored: Partial<SettingsModel> | undefined): SettingsModel {
  return Object.assign({}, DEFAULT_SETTINGS, stored, { sso: Object.assign({}, DEFAULT_SETTINGS.sso, stored?.sso) });
}
