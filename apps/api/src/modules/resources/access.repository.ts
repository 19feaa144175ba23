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
