import type { EntityManager } from 'typeorm';
import { encodeCursor, type CursorValues, type Page } from '../../common/pagination';
import { rawQuery } from '../../db/raw-sql';
import type { SqlCondition } from '../users/email-visibility';
import { likePattern } from '../users/users.service';
import { currentMembershipSql } from './current';
import type { MembershipEntity, MembershipSource } from './membership.entity';

interface Row {
  userId: string;
  groupId: string;
  source: MembershipSource;
  addedById: string | null;
  createdAt: Date | string;
  expiresAt: Date | string | null;
  nameKey: string;
  total: number | string;
}

/** SQLite returns timestamps as TypeORM's UTC text; PostgreSQL as Date (see data-source.ts). */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * The first page of current members of many groups in ONE query (a window function per group),
 * ordered by name — what `groups { members(first: n) }` needs without a query per group. A search
 * matches names, and emails only where `emailReadable` holds (users/email-visibility.ts).
 */
export async function firstMemberPages(
  manager: EntityManager,
  groupIds: readonly string[],
  first: number,
  search: string | null | undefined,
  emailReadable: SqlCondition,
): Promise<Map<string, Page<MembershipEntity>>> {
  const keys = new Map<string, CursorValues[]>(groupIds.map((id) => [id, []]));
  const result = new Map<string, Page<MembershipEntity>>(
    groupIds.map((id) => [id, { nodes: [], cursor: (i) => encodeCursor(keys.get(id)![i]!), hasNextPage: false, totalCount: 0 }]),
  );
  if (groupIds.length === 0) return result;
  const term = search?.trim();
  const rows = await rawQuery<Row>(
    manager,
    `SELECT * FROM (
       SELECT m.user_id AS "userId", m.group_id AS "groupId", m.source AS "source", m.added_by_id AS "addedById",
              m.created_at AS "createdAt", m.expires_at AS "expiresAt", u.name_key AS "nameKey",
              ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY u.name_key, u.id) AS "rn",
              COUNT(*) OVER (PARTITION BY m.group_id) AS "total"
         FROM membership m JOIN user_account u ON u.id = m.user_id
        WHERE m.group_id IN (:...groupIds)
          AND ${currentMembershipSql('m')}
          ${term ? `AND (u.name_key LIKE :term ESCAPE '\\' OR (u.email_key LIKE :term ESCAPE '\\' AND ${emailReadable.sql}))` : ''}
     ) ranked
     WHERE "rn" <= :limit
     ORDER BY "groupId", "rn"`,
    Object.assign({ groupIds: [...groupIds], now: new Date(), limit: first + 1 }, term ? emailReadable.params : {}, term ? { term: likePattern(term) } : {}),
  );
  for (const row of rows) {
    const page = result.get(row.groupId)!;
    page.totalCount = Number(row.total);
    if (page.nodes.length === first) {
      page.hasNextPage = true;
      continue;
    }
    page.nodes.push({
      userId: row.userId,
      groupId: row.groupId,
      source: row.source,
      addedById: row.addedById,
      createdAt: toDate(row.createdAt),
      expiresAt: row.expiresAt === null ? null : toDate(row.expiresAt),
      expiryWarnedAt: null,
    });
    keys.get(row.groupId)!.push([row.nameKey, row.userId]);
  }
  return result;
}
