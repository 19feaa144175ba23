import type { EntityManager } from 'typeorm';
import { rawQuery } from '../../db/raw-sql';
import { currentMembershipSql } from '../memberships/current';
import { currentGrantSql } from '../resources/current-grant';

/**
 * `Resource.accessors`' statements (access.service.ts `accessors`): who reaches one resource at
 * `min` or above (rank 2 = WRITE, 1 = READ) — owner, user grants, members of granted groups and,
 * with `adminBypass`, admins — active users only, by name, one page after `cursor`, and how many.
 */
export async function accessorRows(
  manager: EntityManager,
  resourceId: string,
  { adminBypass, min, first, cursor }: { adminBypass: boolean; min: 1 | 2; first: number; cursor: [string, string] | null },
): Promise<{ total: number; rows: { userId: string; rank: number | string }[] }> {
  const base = `
    SELECT c.user_id AS "userId", MAX(c.rank) AS "rank" FROM (
      SELECT r.owner_id AS user_id, 2 AS rank FROM resource r WHERE r.id = :rid AND r.owner_id IS NOT NULL
      UNION ALL
      SELECT g.user_id, CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END FROM access_grant g
       WHERE g.resource_id = :rid AND g.user_id IS NOT NULL AND ${currentGrantSql('g')}
      UNION ALL
      SELECT m.user_id, CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END FROM access_grant g JOIN membership m ON m.group_id = g.group_id
       WHERE g.resource_id = :rid AND ${currentGrantSql('g')} AND ${currentMembershipSql('m')}
      ${adminBypass ? 'UNION ALL SELECT u.id, 2 FROM user_account u WHERE u.is_admin = :yes' : ''}
    ) c GROUP BY c.user_id HAVING MAX(c.rank) >= :min`;
  const params = { rid: resourceId, now: new Date(), yes: true, min };
  const total = await rawQuery<{ n: number | string }>(manager, `SELECT COUNT(*) AS "n" FROM (${base}) t JOIN user_account u ON u.id = t."userId" WHERE u.is_active = :yes`, params);
  const rows = await rawQuery<{ userId: string; rank: number | string }>(
    manager,
    `SELECT t."userId", t."rank" FROM (${base}) t JOIN user_account u ON u.id = t."userId"
      WHERE u.is_active = :yes ${cursor ? 'AND (u.name_key > :cName OR (u.name_key = :cName AND u.id > :cId))' : ''}
      ORDER BY u.name_key, u.id LIMIT :limit`,
    Object.assign({ limit: first + 1 }, params, cursor ? { cName: cursor[0], cId: cursor[1] } : {}),
  );
  return { total: Number(total[0]?.n ?? 0), rows };
}
