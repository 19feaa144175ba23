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
  /**
   * The access epoch (access-cache.ts), read in the same statement as this viewer's credential:
   * after the request arrived, so the access cache may validate against it without reading it
   * again. Cleared for mutations (server.ts), whose own writes come after it. Absent: read it.
   */
  accessEpoch?: string;
  /**
   * The settings row's version, read in the same statement (after the request arrived): the
   * settings cache answers only when it holds this version (settings.repository.ts). Kept for
   * mutations: a mutation reads the settings it changes inside its transaction. Absent: read it.
   */
  settingsVersion?: string;
}

/** True when the viewer holds the permission (admins hold every permission). */
export function holds(viewer: Viewer | null, permission: string): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.permissions.has(permission));
}
