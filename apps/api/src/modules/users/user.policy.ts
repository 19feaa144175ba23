import type { Viewer } from '../../authz/viewer';

interface UserRow {
  id: string;
  isActive: boolean;
}

const isAdmin = (v: Viewer) => v.isAdmin;
const isSelf = (v: Viewer, u: UserRow) => v.userId === u.id;
const isActiveUser = (_v: Viewer, u: UserRow) => u.isActive;

/** What the email rule needs beyond the viewer and the row (loaders.ts viewerLeadsMemberOf). */
export interface EmailFacts {
  /** The viewer leads (leadership.repository) a group the user is a current member of. */
  leadsTheirGroup: boolean;
}
const leadsTheirGroup = (f: EmailFacts) => f.leadsTheirGroup;

/**
 * Who may do what with a user account. Deny by default; each rule reads as its predicates.
 */
export const userPolicy = {
  create: (v: Viewer) => isAdmin(v),
  read: (v: Viewer, u: UserRow) => isAdmin(v) || isSelf(v, u) || isActiveUser(v, u),
  /**
   * `User.email` (SPEC §1): the user, admins, and leaders of a group the user is in. Queries that
   * match on emails apply the same rule in SQL (email-visibility.ts), so a search never finds
   * someone by an email it would not show; users.test.ts keeps the two equal.
   */
  readEmail: (v: Viewer, u: UserRow, f: EmailFacts) => isAdmin(v) || isSelf(v, u) || leadsTheirGroup(f),
  update: (v: Viewer, u: UserRow) => isAdmin(v) || isSelf(v, u),
  delete: (v: Viewer) => isAdmin(v),
  setPermissions: (v: Viewer) => isAdmin(v),
  /** Tokens for another account: admins, and only for service accounts. */
  mintTokenFor: (v: Viewer, u: UserRow & { kind: string }) => isSelf(v, u) || (isAdmin(v) && u.kind === 'SERVICE'),
};
