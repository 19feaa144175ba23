import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';

/** What the rules read of the account concerned. */
export interface UserRow {
  id: string;
  isActive: boolean;
}

/** The account concerned, with its kind (service accounts have no password and are never admins). */
export interface UserKindRow extends UserRow {
  kind: string;
}

/** What the email rule needs beyond the viewer and the row (loaders.ts viewerLeadsMemberOf). */
export interface EmailFacts {
  /** The viewer leads (leadership.repository) a group the user is a current member of. */
  leadsTheirGroup: boolean;
}

export const NOT_FOUND_USER = 'No user has this id.';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const isSelf = (v: Viewer, u: UserRow) => v.userId === u.id;
const isActiveUser = (_v: Viewer, u: UserRow) => u.isActive;
const isHuman = (u: UserKindRow) => u.kind === 'HUMAN';
const leadsTheirGroup = (f: EmailFacts) => f.leadsTheirGroup;
const selfOrAdmin = (v: Viewer, u: UserRow) => isAdmin(v) || isSelf(v, u);

/**
 * Who may do what with a user account, one row each (authz/authorize.ts). Deny by default; each
 * rule reads as its predicates. Tokens for an account are token.policy.ts.
 */
export const userPolicy = {
  create: rule(isAdmin, () => errors.forbidden('NOT_ADMIN', 'Only administrators may create users.')),
  /** `user(id)`: admins see everyone; others see active users (as in search) and themselves. */
  read: rule((v, u: UserRow) => isAdmin(v) || isSelf(v, u) || isActiveUser(v, u), () => errors.notFound(NOT_FOUND_USER)),
  /**
   * `User.email` (SPEC §1): the user, admins, and leaders of a group the user is in. Queries that
   * match on emails apply the same rule in SQL (email-visibility.ts), so a search never finds
   * someone by an email it would not show; users.test.ts keeps the two equal.
   */
  readEmail: rule((v, u: UserRow, f: EmailFacts) => selfOrAdmin(v, u) || leadsTheirGroup(f)),
  /** When they last signed in: themselves and admins. */
  readLastSignIn: rule(selfOrAdmin),
  /** Direct and effective permissions, memberships, led groups: themselves, admins, managers, access.check holders. */
  inspect: rule((v, u: UserRow) => selfOrAdmin(v, u) || v.permissions.has('groups.manage') || v.permissions.has('access.check')),
  /** `updateUser`: a person changes their own display name; admins anything. Others learn nothing of the account. */
  update: rule(selfOrAdmin, () => errors.notFound(NOT_FOUND_USER)),
  /** The admin-only fields of `updateUser` (email, active, admin, password): `fields` are those asked. */
  changeAdminFields: rule(
    (v, fields: readonly string[]) => isAdmin(v) || fields.length === 0,
    (_v, fields) => errors.forbidden('NOT_ADMIN', `Only administrators may change ${fields.join(', ')}.`),
  ),
  // One row per admin-only field of `updateUser`, authorized when the field is given (and, for the
  // flags, changes): the abilities `User.viewerCan` advertises are these rows.
  setEmail: rule(
    (v, _u: UserKindRow) => isAdmin(v),
    () => errors.forbidden('NOT_ADMIN', 'Only administrators may change email.'),
  ),
  /** Never one's own account: an administrator who deactivated themselves could not undo it. */
  setActive: rule(
    (v, u: UserKindRow) => isAdmin(v) && !isSelf(v, u),
    (v) =>
      isAdmin(v)
        ? errors.forbidden('SELF_CHANGE', 'You cannot deactivate or reactivate your own account; another administrator can.')
        : errors.forbidden('NOT_ADMIN', 'Only administrators may change isActive.'),
  ),
  /** Humans only (service accounts are never administrators), and never one's own role. */
  setAdmin: rule(
    (v, u: UserKindRow) => isAdmin(v) && isHuman(u) && !isSelf(v, u),
    (v, u) => {
      if (!isAdmin(v)) return errors.forbidden('NOT_ADMIN', 'Only administrators may change isAdmin.');
      if (isSelf(v, u)) return errors.forbidden('SELF_CHANGE', 'You cannot change your own administrator role; another administrator can.');
      return errors.validation([{ field: 'isAdmin', message: 'Service accounts cannot be administrators.' }]);
    },
  ),
  /** Humans only: service accounts use API tokens, not passwords. */
  resetPassword: rule(
    (v, u: UserKindRow) => isAdmin(v) && isHuman(u),
    (v) =>
      isAdmin(v)
        ? errors.validation([{ field: 'password', message: 'Service accounts use API tokens, not passwords.' }])
        : errors.forbidden('NOT_ADMIN', 'Only administrators may change password.'),
  ),
  /** `deleteUser`'s first gate: admins. */
  delete: rule(isAdmin, () => errors.forbidden('NOT_ADMIN', 'Only administrators may delete users.')),
  /** Nobody deletes their own account. */
  deleteAccount: rule((v, u: UserRow) => !isSelf(v, u), () => errors.forbidden('SELF_DELETE', 'You cannot delete your own account.')),
  /** Direct permissions (`setUserPermissions` and its preview): admins. */
  setPermissions: rule(isAdmin, () => errors.forbidden('NOT_ADMIN', 'Only administrators may change permissions.')),
  /** Ask about another user's access (checkAccess and its kin with `userId`): access.check holders. */
  checkAccessOf: rule(
    (v) => holds(v, 'access.check'),
    () => errors.forbidden('MISSING_PERMISSION', 'Asking about another user needs the access.check permission.'),
  ),
};
