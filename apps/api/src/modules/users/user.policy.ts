import type { Viewer } from '../../authz/viewer';

interface UserRow {
  id: string;
  isActive: boolean;
}

const isAdmin = (v: Viewer) => v.isAdmin;
const isSelf = (v: Viewer, u: UserRow) => v.userId === u.id;
const isActiveUser = (_v: Viewer, u: UserRow) => u.isActive;

/**
 * Who may do what with a user account. Deny by default; each rule reads as its predicates.
 * (Email visibility is a field rule, see user.resolver.ts: self, admins, leaders of their groups.)
 */
export const userPolicy = {
  create: (v: Viewer) => isAdmin(v),
  read: (v: Viewer, u: UserRow) => isAdmin(v) || isSelf(v, u) || isActiveUser(v, u),
  update: (v: Viewer, u: UserRow) => isAdmin(v) || isSelf(v, u),
  delete: (v: Viewer) => isAdmin(v),
  setPermissions: (v: Viewer) => isAdmin(v),
  /** Tokens for another account: admins, and only for service accounts. */
  mintTokenFor: (v: Viewer, u: UserRow & { kind: string }) => isSelf(v, u) || (isAdmin(v) && u.kind === 'SERVICE'),
};
