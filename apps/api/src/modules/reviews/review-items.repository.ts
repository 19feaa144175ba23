import { In, type EntityManager } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { inList, isPostgres, listParam, rawQuery, shapedStatement } from '../../db/raw-sql';
import { parseUtcTimestamp, toDate } from '../../db/timestamp';
import { csvCell } from '../audit/audit.csv';
import { currentMembershipSql } from '../memberships/current';
import { userColumnsSql, userFromRow } from '../users/user.repository';
import { AccessReviewItemEntity, type ReviewDecision } from './access-review.entity';

/** Rows per statement where items are updated in bulk (bound parameters stay far below SQLite's limit). */
const CHUNK = 500;

/**
 * A random version-4 UUID per row, in SQL: the items of a review are copied from the memberships
 * by one INSERT … SELECT per group (a group of 10,000 members is one statement, not 10,000).
 * PostgreSQL has the function the id columns default to; SQLite builds one from random bytes.
 */
const SQLITE_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The viewer's own items among those a page is about (at most one per group; the user index finds them). */
async function ownItems(m: EntityManager, q: ItemsQuery): Promise<number> {
  const qb = m.createQueryBuilder(AccessReviewItemEntity, 'i').where('i.userId = :me AND i.reviewId = :rid', { me: q.exceptUserId, rid: q.reviewId });
  if (q.groupIds) qb.andWhere('i.groupId IN (:...gids)', { gids: q.groupIds });
  return qb.getCount();
}

/** Every column of an item, for hand-written SQL that reads whole rows (`itemFromRow`). */
const ITEM_COLUMNS = ['id', 'review_id', 'group_id', 'user_id', 'source', 'member_since', 'decision', 'decided_by_id', 'decided_at', 'comment', 'applied'] as const;

/** An item read by hand-written SQL: `row` holds `ITEM_COLUMNS` under `prefix`. */
function itemFromRow(row: Record<string, unknown>, prefix: string): AccessReviewItemEntity {
  return Object.assign(new AccessReviewItemEntity(), {
    id: row[`${prefix}id`] as string,
    reviewId: row[`${prefix}review_id`] as string,
    groupId: row[`${prefix}group_id`] as string,
    userId: row[`${prefix}user_id`] as string,
    source: row[`${prefix}source`] as AccessReviewItemEntity['source'],
    memberSince: toDate(row[`${prefix}member_since`])!,
    decision: (row[`${prefix}decision`] as ReviewDecision | null) ?? null,
    decidedById: (row[`${prefix}decided_by_id`] as string | null) ?? null,
    decidedAt: toDate(row[`${prefix}decided_at`]),
    comment: (row[`${prefix}comment`] as string | null) ?? null,
    applied: Boolean(row[`${prefix}applied`]),
  });
}

/** What decides the text of an items page's statements (their values are bound): which conditions it has. */
interface ItemsShape {
  groups: boolean;
  except: boolean;
  undecided: boolean;
  postgres: boolean;
}

/** The conditions of an items page of this shape, before its cursor. */
function itemsWhere(m: EntityManager, shape: ItemsShape): string[] {
  const where = ['i.review_id = :reviewId'];
  if (shape.groups) where.push(inList(m, 'i.group_id', 'groupIds'));
  if (shape.except) where.push('i.user_id <> :me');
  if (shape.undecided) where.push('i.decision IS NULL');
  return where;
}

/** The items a page's conditions select, counted (the undecided ones: they change with every decision). */
async function countItems(m: EntityManager, shape: ItemsShape, params: Record<string, unknown>): Promise<number> {
  const { sql, name } = shapedStatement('gh_review_items_count', shape, () => `SELECT COUNT(*) AS n FROM access_review_item i WHERE ${itemsWhere(m, shape).join(' AND ')}`);
  const [row] = await rawQuery<{ n: number | string }>(m, sql, params, name);
  return Number(row?.n ?? 0);
}

/** Which items of a review a page holds. */
export interface ItemsQuery {
  reviewId: string;
  /** Only these groups' items; null: every group of the review. */
  groupIds: string[] | null;
  /** Leave out this user's items (the viewer's own, when asking for the items they may decide). */
  exceptUserId: string | null;
  undecidedOnly: boolean;
  /**
   * The items of the chosen groups, known without counting (the counts kept at the start), or
   * null to count them (the undecided ones change with every decision).
   */
  knownTotal: number | null;
}

/** Every query on the items of access reviews: the snapshot at the start, pages, counts, progress, CSV, applied marks. */
export const reviewItemsRepository = {
  /** Copies a group's current memberships as items of the review, one set-based statement. */
  async copyMemberships(tx: EntityManager, postgres: boolean, reviewId: string, groupId: string, now: Date): Promise<void> {
    await rawQuery(
      tx,
      `INSERT INTO access_review_item (id, review_id, group_id, user_id, source, member_since)
       SELECT ${postgres ? 'uuid_generate_v4()' : SQLITE_UUID}, ${postgres ? 'CAST(:reviewId AS uuid)' : ':reviewId'}, m.group_id, m.user_id, m.source, m.created_at
         FROM membership m WHERE m.group_id = :groupId AND ${currentMembershipSql('m')}`,
      { reviewId, groupId, now },
    );
  },

  /** Keeps each group's item count on the review's group rows, once the items are copied (they never change after). */
  async keepItemCounts(tx: EntityManager, reviewId: string): Promise<void> {
    await rawQuery(
      tx,
      `UPDATE access_review_group SET item_count = (SELECT COUNT(*) FROM access_review_item i WHERE i.review_id = access_review_group.review_id AND i.group_id = access_review_group.group_id)
        WHERE review_id = :reviewId`,
      { reviewId },
    );
  },

  /**
   * A page of items by group and person, each with its member's row (`i.user`, whole: the caller
   * primes the users loader with it). The (review, group, user) index serves the page; the page is
   * taken first and joined after, so the plan reads one page of items whatever the planner thinks of
   * the review's size (its statistics lag the thousands of items a start copies at once).
   */
  async page(m: EntityManager, q: ItemsQuery, first: number, after: string | null | undefined): Promise<Page<AccessReviewItemEntity> & { totalCount: number }> {
    const cursor = after ? decodeCursor(after, ['uuid', 'uuid']) : null;
    const shape: ItemsShape = { groups: q.groupIds !== null, except: q.exceptUserId !== null, undecided: q.undecidedOnly, postgres: isPostgres(m) };
    const params = { reviewId: q.reviewId, ...(q.groupIds ? { groupIds: listParam(m, q.groupIds) } : {}), ...(q.exceptUserId ? { me: q.exceptUserId } : {}) };
    const totalCount = q.knownTotal === null ? await countItems(m, shape, params) : q.knownTotal - (q.exceptUserId ? await ownItems(m, q) : 0);
    const { sql, name } = shapedStatement('gh_review_items_page', Object.assign({}, shape, { cursor: cursor !== null }), () => {
      // A row comparison, so the index range starts at the cursor (an OR of the two columns would
      // read and discard every item before it: deep pages of a large review would get slower).
      const where = [...itemsWhere(m, shape), ...(cursor ? ['(i.group_id, i.user_id) > (:afterGroup, :afterUser)'] : [])];
      return `SELECT ${ITEM_COLUMNS.map((c) => `p.${c} AS "i_${c}"`).join(', ')}, ${userColumnsSql('u', 'u_')}
      FROM (SELECT ${ITEM_COLUMNS.map((c) => `i.${c}`).join(', ')} FROM access_review_item i WHERE ${where.join(' AND ')}
             ORDER BY i.group_id, i.user_id LIMIT :limit) p
      JOIN user_account u ON u.id = p.user_id
      ORDER BY p.group_id, p.user_id`;
    });
    const rows = await rawQuery<Record<string, unknown>>(
      m,
      sql,
      Object.assign({ limit: first + 1 }, params, cursor ? { afterGroup: cursor[0], afterUser: cursor[1] } : {}),
      name,
    );
    const items = rows.map((row) => Object.assign(itemFromRow(row, 'i_'), { user: userFromRow(row, 'u_') }));
    return Object.assign(toPage(items, first, (i) => [i.groupId, i.userId]), { totalCount });
  },

  /**
   * PostgreSQL's statistics of the items, refreshed after a start copied many at once. Until
   * autovacuum's next pass the planner would take a new review of thousands for a handful of rows
   * and read and sort all of them for every page instead of walking the index. In the background:
   * the start has committed, and should this fail, autovacuum does the same a little later.
   */
  refreshStatistics(m: EntityManager): void {
    m.query('ANALYZE access_review_item').catch(() => undefined);
  },

  /** Items and decided items of each review (itemCount, decidedCount), one statement for a page. */
  async counts(m: EntityManager, reviewIds: readonly string[]): Promise<Map<string, { items: number; decided: number }>> {
    const rows = await m
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.reviewId', 'reviewId')
      .addSelect('COUNT(*)', 'items')
      .addSelect('COUNT(i.decision)', 'decided')
      .where('i.reviewId IN (:...ids)', { ids: [...reviewIds] })
      .groupBy('i.reviewId')
      .getRawMany<{ reviewId: string; items: string | number; decided: string | number }>();
    const result = new Map(reviewIds.map((id) => [id, { items: 0, decided: 0 }]));
    for (const r of rows) result.set(r.reviewId, { items: Number(r.items), decided: Number(r.decided) });
    return result;
  },

  /** Items and decided items of each of these groups of a review. */
  async groupProgress(m: EntityManager, reviewId: string, groupIds: readonly string[]): Promise<{ groupId: string; itemCount: number; decidedCount: number }[]> {
    const rows = await m
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.groupId', 'groupId')
      .addSelect('COUNT(*)', 'items')
      .addSelect('COUNT(i.decision)', 'decided')
      .where('i.reviewId = :rid AND i.groupId IN (:...gids)', { rid: reviewId, gids: [...groupIds] })
      .groupBy('i.groupId')
      .getRawMany<{ groupId: string; items: string | number; decided: string | number }>();
    const byGroup = new Map(rows.map((r) => [r.groupId, r]));
    return groupIds.map((id) => ({ groupId: id, itemCount: Number(byGroup.get(id)?.items ?? 0), decidedCount: Number(byGroup.get(id)?.decided ?? 0) }));
  },

  /** How many items of these groups each person decided, most first. */
  async reviewerProgress(m: EntityManager, reviewId: string, groupIds: readonly string[]): Promise<{ userId: string; decidedCount: number }[]> {
    const rows = await m
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('i.decidedById', 'userId')
      .addSelect('COUNT(*)', 'decided')
      .where('i.reviewId = :rid AND i.groupId IN (:...gids) AND i.decidedById IS NOT NULL', { rid: reviewId, gids: [...groupIds] })
      .groupBy('i.decidedById')
      .getRawMany<{ userId: string; decided: string | number }>();
    return rows.map((r) => ({ userId: r.userId, decidedCount: Number(r.decided) })).sort((a, b) => b.decidedCount - a.decidedCount);
  },

  /**
   * The items of these groups as CSV, one row per item, by group and person. Names, not emails
   * (who may read an email is another rule).
   */
  async csv(m: EntityManager, reviewId: string, groupIds: readonly string[]): Promise<string> {
    const header = ['group', 'groupId', 'member', 'userId', 'source', 'memberSince', 'decision', 'decidedBy', 'decidedAt', 'comment', 'applied'];
    if (groupIds.length === 0) return `${header.join(',')}\r\n`;
    const rows = await rawQuery<Record<string, unknown>>(
      m,
      `SELECT g.name AS "group", i.group_id AS "groupId", u.display_name AS "member", i.user_id AS "userId", i.source, i.member_since AS "memberSince",
              i.decision, d.display_name AS "decidedBy", i.decided_at AS "decidedAt", i.comment, i.applied
         FROM access_review_item i
         JOIN user_group g ON g.id = i.group_id
         JOIN user_account u ON u.id = i.user_id
         LEFT JOIN user_account d ON d.id = i.decided_by_id
        WHERE i.review_id = :reviewId AND ${inList(m, 'i.group_id', 'groupIds')}
        ORDER BY g.name_key, u.name_key, i.user_id`,
      { reviewId, groupIds: listParam(m, groupIds) },
    );
    const cell = (key: string, value: unknown): string => {
      if (key === 'applied') return value === true || value === 1 ? 'true' : 'false';
      if ((key === 'memberSince' || key === 'decidedAt') && value) return csvCell(value instanceof Date ? value : parseUtcTimestamp(String(value)));
      return csvCell(value);
    };
    return [header.join(','), ...rows.map((r) => header.map((k) => cell(k, r[k])).join(','))].map((line) => `${line}\r\n`).join('');
  },

  /**
   * The items of one group of a review whose membership is still the one reviewed (same source,
   * same start, still current), with the member's name. On PostgreSQL the memberships are locked:
   * one changed meanwhile waits for the caller's unit, or has changed.
   */
  stillReviewed(tx: EntityManager, postgres: boolean, reviewId: string, groupId: string, now: Date) {
    return rawQuery<{ id: string; userId: string; decision: ReviewDecision; displayName: string; email: string }>(
      tx,
      `SELECT i.id, i.user_id AS "userId", i.decision, u.display_name AS "displayName", u.email
         FROM access_review_item i
         JOIN membership m ON m.group_id = i.group_id AND m.user_id = i.user_id AND m.source = i.source AND m.created_at = i.member_since
         JOIN user_account u ON u.id = i.user_id
        WHERE i.review_id = :reviewId AND i.group_id = :groupId AND ${currentMembershipSql('m')}${postgres ? ' FOR NO KEY UPDATE OF m' : ''}`,
      { reviewId, groupId, now },
    );
  },

  /** Marks these items carried out, in chunks. */
  async markApplied(tx: EntityManager, itemIds: readonly string[]): Promise<void> {
    for (const part of chunks(itemIds)) await tx.update(AccessReviewItemEntity, { id: In(part) }, { applied: true });
  },
};
