import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { toDate } from '../../db/timestamp';
import type { GroupEntity } from '../groups/group.entity';
import { groupColumnsSql, groupFromRow } from '../groups/group.repository';
import { AccessReviewEntity, type ReviewDecision, type ReviewStatus } from './access-review.entity';

const COLUMNS = ['id', 'name', 'status', 'deadline', 'default_decision', 'auto_apply', 'permission_key', 'created_by_id', 'created_at', 'closed_at', 'closed_by_id', 'reminded_at'] as const;

function reviewFromRow(row: Record<string, unknown>): AccessReviewEntity {
  return Object.assign(new AccessReviewEntity(), {
    id: row['id'] as string,
    name: row['name'] as string,
    status: row['status'] as ReviewStatus,
    deadline: toDate(row['deadline'])!,
    defaultDecision: row['default_decision'] as ReviewDecision,
    autoApply: Boolean(row['auto_apply']),
    permissionKey: (row['permission_key'] as string | null) ?? null,
    createdById: (row['created_by_id'] as string | null) ?? null,
    createdAt: toDate(row['created_at'])!,
    closedAt: toDate(row['closed_at']),
    closedById: (row['closed_by_id'] as string | null) ?? null,
    remindedAt: toDate(row['reminded_at']),
  });
}

/** One group of a review: the group's row and its items, counted at the start. */
export interface ReviewGroupRow {
  reviewId: string;
  group: GroupEntity;
  itemCount: number;
}

/**
 * The reads of reviews every review page starts with (`accessReview`, `accessReviews`): named
 * statements, since the items page of a large review asks for them with each page.
 */
export const reviewRepository = {
  /** A review by id, or null (`id` is a valid UUID: the caller checked). */
  async byId(m: EntityManager, id: string): Promise<AccessReviewEntity | null> {
    const [row] = await rawQuery<Record<string, unknown>>(m, `SELECT ${COLUMNS.join(', ')} FROM access_review WHERE id = :id`, { id }, 'gh_review_by_id');
    return row ? reviewFromRow(row) : null;
  },

  /** The groups of these reviews with their item counts, one statement for a page of reviews. */
  async groupsOf(m: EntityManager, reviewIds: readonly string[]): Promise<ReviewGroupRow[]> {
    if (reviewIds.length === 0) return [];
    const rows = await rawQuery<Record<string, unknown>>(
      m,
      `SELECT rg.review_id AS "reviewId", rg.item_count AS "itemCount", ${groupColumnsSql('g', 'g_')}
         FROM access_review_group rg JOIN user_group g ON g.id = rg.group_id
        WHERE ${inList(m, 'rg.review_id', 'ids')}`,
      { ids: listParam(m, reviewIds) },
      'gh_review_groups',
    );
    return rows.map((row) => ({ reviewId: row['reviewId'] as string, itemCount: Number(row['itemCount']), group: groupFromRow(row, 'g_') }));
  },
};
