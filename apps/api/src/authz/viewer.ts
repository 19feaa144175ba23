import type { EpochAsOf } from '../modules/access/access-epoch';
import type { Actor } from '../modules/audit/actor';

/**
 * Who is asking: a signed-in user (session or API token) or nobody. `accessEpoch` (EpochAsOf) is
 * the access engine's part of it: see modules/access/README.md.
 */
export interface Viewer extends EpochAsOf {
  userId: string;
  isAdmin: boolean;
  kind: 'HUMAN' | 'SERVICE';
  /** Effective permissions, computed once per request (SPEC §1). */
  permissions: ReadonlySet<string>;
  /** How the viewer appears in the audit log. */
  actor: Actor;
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
