import type { EntityManager } from 'typeorm';
import { rawQuery } from '../../db/raw-sql';
import type { GrantLevel } from './grant.entity';

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

interface Row {
  userId: string;
  resourceId: string;
  kind: 'USER_GRANT' | 'GROUP_GRANT';
  level: GrantLevel;
  grantId: string;
  groupId: string | null;
  grantExpires: Date | string | null;
  memberExpires: Date | string | null;
}

const toDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`));

/**
 * Every *current* grant path for the given users on the given resources, in one query: grants
 * naming the user, and grants naming a group the user is a current member of. Expired grants and
 * expired memberships are excluded here, in SQL, so nothing stale is ever counted.
 */
export async function grantPaths(
  manager: EntityManager,
  userIds: readonly string[],
  resourceIds: readonly string[],
  now = new Date(),
): Promise<GrantPath[]> {
  if (userIds.length === 0 || resourceIds.length === 0) return [];
  const rows = await rawQuery<Row>(
    manager,
    `SELECT g.user_id AS "userId", g.resource_id AS "resourceId", 'USER_GRANT' AS "kind", g.level AS "level",
            g.id AS "grantId", NULL AS "groupId", g.expires_at AS "grantExpires", NULL AS "memberExpires"
       FROM access_grant g
      WHERE g.user_id IN (:...userIds) AND g.resource_id IN (:...resourceIds)
        AND (g.expires_at IS NULL OR g.expires_at > :now)
     UNION ALL
     SELECT m.user_id, g.resource_id, 'GROUP_GRANT', g.level, g.id, g.group_id, g.expires_at, m.expires_at
       FROM access_grant g
       JOIN membership m ON m.group_id = g.group_id
      WHERE m.user_id IN (:...userIds) AND g.resource_id IN (:...resourceIds)
        AND (g.expires_at IS NULL OR g.expires_at > :now)
        AND (m.expires_at IS NULL OR m.expires_at > :now)`,
    { userIds: [...userIds], resourceIds: [...resourceIds], now },
  );
  return rows.map((r) => {
    const grant = toDate(r.grantExpires);
    const member = toDate(r.memberExpires);
    const expiresAt = grant && member ? (grant < member ? grant : member) : (grant ?? member);
    return { userId: r.userId, resourceId: r.resourceId, kind: r.kind, level: r.level, grantId: r.grantId, groupId: r.groupId, expiresAt };
  });
}

interface LevelRow {
  resourceId: string;
  ownerId: string | null;
  visibility: string;
  isActive: boolean | number | null;
  isAdmin: boolean | number | null;
  userGrant: number | string | null;
  groupGrant: number | string | null;
}

/**
 * The hot path of checkAccess / accessLevel: everything SPEC §11 needs for one (user, resource) in
 * ONE query — the resource, the user, and the best current user grant and group grant — using the
 * unique (resource, user) grant index and the membership primary key. Returns null for an unknown
 * resource. explainFrom() applies the same rule to the full paths; a property test keeps them equal.
 */
export async function levelFacts(manager: EntityManager, userId: string, resourceId: string, now = new Date()): Promise<LevelRow | null> {
  const rows = await rawQuery<LevelRow>(
    manager,
    `SELECT r.id AS "resourceId", r.owner_id AS "ownerId", r.visibility AS "visibility",
            u.is_active AS "isActive", u.is_admin AS "isAdmin",
            (SELECT MAX(CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END) FROM access_grant g
              WHERE g.resource_id = r.id AND g.user_id = :uid AND (g.expires_at IS NULL OR g.expires_at > :now)) AS "userGrant",
            (SELECT MAX(CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END) FROM access_grant g
               JOIN membership m ON m.group_id = g.group_id AND m.user_id = :uid
              WHERE g.resource_id = r.id AND g.group_id IS NOT NULL
                AND (g.expires_at IS NULL OR g.expires_at > :now) AND (m.expires_at IS NULL OR m.expires_at > :now)) AS "groupGrant"
       FROM resource r LEFT JOIN user_account u ON u.id = :uid
      WHERE r.id = :rid`,
    { uid: userId, rid: resourceId, now },
    'gh_level_facts',
  );
  return rows[0] ?? null;
}

/** SPEC §11's rule over levelFacts (the same order of paths as explainFrom). */
export function levelFrom(facts: LevelRow, userId: string, adminBypass: boolean): Level {
  if (!facts.isActive) return 'NONE';
  if ((facts.isAdmin && adminBypass) || facts.ownerId === userId) return 'WRITE';
  const best = Math.max(Number(facts.userGrant ?? 0), Number(facts.groupGrant ?? 0), facts.visibility === 'PUBLIC' ? 1 : 0);
  return best === 2 ? 'WRITE' : best === 1 ? 'READ' : 'NONE';
}
