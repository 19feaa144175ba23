import type { Actor } from '../modules/audit/actor';

/** Who is asking: a signed-in user (session or API token) or nobody. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  kind: 'HUMAN' | 'SERVICE';
  /** Effective permissions, computed once per request (SPEC §1). */
  permissions: ReadonlySet<string>;
  /** How the viewer appears in the audit log. */
  actor: Actor;
}

/** True when the viewer holds the permission (admins hold every permission). */
export function holds(viewer: Viewer | null, permission: string): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.permissions.has(permission));
}
