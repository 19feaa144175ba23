/** The built-in permission catalog (SPEC §1). Custom keys follow the same `area.verb` shape. */
export const BUILT_IN_PERMISSIONS = {
  'groups.request': 'May see and request or join groups that are not public',
  'groups.manage':
    'Group management role: decide every request, manage members of every non-internal, non-restricted group, create groups and edit their settings (not their permissions)',
  'resources.create': 'May register resources',
  'access.check': 'May ask checkAccess / explainAccess about other users (integrations)',
  'audit.read': 'May read the whole audit log',
  'scim.provision': 'May call the SCIM 2.0 API (identity providers\' provisioning service accounts)',
} as const;

export type BuiltInPermission = keyof typeof BUILT_IN_PERMISSIONS;

/** `area.verb`: lowercase letters, digits, `_` and `-`, one dot. */
export const PERMISSION_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,39}\.[a-z][a-z0-9_-]{0,39}$/;
