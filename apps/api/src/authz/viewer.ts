/** Who is asking: a signed-in user (session or API token) or nobody. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  /** Effective permissions, computed once per request (SPEC §1). */
  permissions: ReadonlySet<string>;
}

/** True when the viewer holds the permission (admins hold every permission). */
export function holds(viewer: Viewer | null, permission: string): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.permissions.has(permission));
}
