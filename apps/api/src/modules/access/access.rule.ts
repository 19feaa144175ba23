import type { GrantLevel } from '../resources/grant.entity';

/**
 * SPEC §11's rule — the effective level of user U on resource R — as pure functions of facts
 * already read. The rule is spelled in four places, because each answer reads its facts in the
 * shape its query can afford:
 *
 * 1. `explainFrom` (here): over every path, for explainAccess;
 * 2. `levelFrom` (here) over the best grant that `bestGrantSql` (access.repository.ts) reads, for
 *    checkAccess / accessLevel / the bulk check with the cache off, and inside a transaction;
 * 3. `bestGrant` in access-cache.ts: over the cached facts, for the same answers with the cache on;
 * 4. the SQL of `reachablePage` (`resources`) and of `AccessService.accessors` (whole sets).
 *
 * consistency.test.ts holds them to an oracle written independently from the SPEC: a change to
 * the rule changes all four, or that test fails.
 */
export type Level = 'NONE' | 'READ' | 'WRITE';
export const RANK: Record<Level, number> = { NONE: 0, READ: 1, WRITE: 2 };
export const maxLevel = (levels: Level[]): Level => levels.reduce<Level>((a, b) => (RANK[b] > RANK[a] ? b : a), 'NONE');

/** One path to access for one user on one resource (a row of explainAccess). */
export interface GrantPath {
  userId: string;
  resourceId: string;
  kind: 'USER_GRANT' | 'GROUP_GRANT';
  level: GrantLevel;
  grantId: string;
  groupId: string | null;
  /** When this path stops counting: the grant's expiry, or the membership's if that comes first. */
  expiresAt: Date | null;
}

export type ReasonKind = 'ADMIN' | 'OWNER' | 'PUBLIC' | 'USER_GRANT' | 'GROUP_GRANT';

export interface Reason {
  kind: ReasonKind;
  level: Level;
  groupId: string | null;
  grantId: string | null;
  expiresAt: Date | null;
}

export interface Explanation {
  level: Level;
  reasons: Reason[];
}

/** What the rule needs of a user and of a resource. */
export interface Subject {
  id: string;
  isActive: boolean;
  isAdmin: boolean;
}

export interface Target {
  id: string;
  ownerId: string | null;
  visibility: string;
}

/**
 * The effective level of user U on resource R (SPEC §11): the highest of ADMIN (with adminBypass),
 * OWNER, PUBLIC (active users), and every current user or group grant. Inactive users and
 * anonymous callers get NONE. `paths` are the current grant paths (grantPaths); those of other
 * pairs are ignored.
 */
export function explainFrom(user: Subject | null, resource: Target, adminBypass: boolean, paths: GrantPath[]): Explanation {
  if (!user || !user.isActive) return { level: 'NONE', reasons: [] };
  const reasons: Reason[] = [];
  if (user.isAdmin && adminBypass) reasons.push({ kind: 'ADMIN', level: 'WRITE', groupId: null, grantId: null, expiresAt: null });
  if (resource.ownerId === user.id) reasons.push({ kind: 'OWNER', level: 'WRITE', groupId: null, grantId: null, expiresAt: null });
  if (resource.visibility === 'PUBLIC') reasons.push({ kind: 'PUBLIC', level: 'READ', groupId: null, grantId: null, expiresAt: null });
  for (const p of paths) {
    if (p.userId !== user.id || p.resourceId !== resource.id) continue;
    reasons.push({ kind: p.kind, level: p.level, groupId: p.groupId, grantId: p.grantId, expiresAt: p.expiresAt });
  }
  return { level: maxLevel(reasons.map((r) => r.level)), reasons };
}

/** The facts the one-pair rule needs, as levelFacts reads them (and the access cache gives them). */
export interface LevelRow {
  resourceId: string | null;
  ownerId: string | null;
  visibility: string | null;
  isActive: boolean | number | null;
  isAdmin: boolean | number | null;
  /** 2 = WRITE, 1 = READ, null = no current grant reaches the user. */
  bestGrant: number | string | null;
}

/** The same rule over a LevelRow (the same order of paths as explainFrom). */
export function levelFrom(facts: LevelRow, userId: string, adminBypass: boolean): Level {
  if (!facts.isActive) return 'NONE';
  if ((facts.isAdmin && adminBypass) || facts.ownerId === userId) return 'WRITE';
  const best = Math.max(Number(facts.bestGrant ?? 0), facts.visibility === 'PUBLIC' ? 1 : 0);
  return best === 2 ? 'WRITE' : best === 1 ? 'READ' : 'NONE';
}
