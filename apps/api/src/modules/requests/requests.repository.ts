import { In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import { independentReads } from '../../db/independent-reads';
import { inFixedList, rawQuery, statementName } from '../../db/raw-sql';
import { toDate } from '../../db/timestamp';
import { groupIdsLedBy } from '../groups/leadership.repository';
import { GroupRequestEntity, type RequestKind, type RequestStatus } from './group-request.entity';

/** The reads of request rows that are not a decision's own (those lock the row: requests.service.ts). */

export interface RequestFilterInput {
  groupId?: string | null;
  kind?: RequestKind | null;
  status?: RequestStatus | null;
  mine?: boolean | null;
}

/**
 * `groupRequests`: your own (`mine`), or the queue: requests of the groups you lead or (managers)
 * decide, all for admins. Pending: oldest first (a queue); other statuses: newest first.
 *
 * The count and the page go out together as named statements (planned once per connection): the
 * leader's queue is opened often.
 */
export async function requestPage(
  manager: EntityManager,
  viewer: Viewer,
  filter: RequestFilterInput,
  first: number,
  after: string | null | undefined,
): Promise<Page<GroupRequestEntity> & { totalCount: number }> {
  const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.mine) {
    conditions.push('r.user_id = :viewerId');
    params['viewerId'] = viewer.userId;
  } else if (!viewer.isAdmin) {
    // The queue: requests of groups the viewer leads, and (managers) of every self-service group.
    // No OR with the viewer's own requests (that is `mine`), so the (group, status, created) index
    // serves it. The led groups go in as a list of values, not a subquery: for one group the planner
    // then walks that index in order and stops at the page, where a subquery made it read (and
    // sort) the whole queue.
    const led = inFixedList('r.group_id', 'led', await groupIdsLedBy(manager, viewer.userId));
    Object.assign(params, led.params);
    const managed = holds(viewer, 'groups.manage') ? ' OR r.group_id IN (SELECT g.id FROM user_group g WHERE g.restricted = FALSE AND g.internal = FALSE)' : '';
    conditions.push(`(${led.sql}${managed})`);
  }
  if (filter.groupId) {
    conditions.push('r.group_id = :groupId');
    params['groupId'] = isUuid(filter.groupId) ? filter.groupId : '00000000-0000-0000-0000-000000000000';
  }
  if (filter.kind) {
    conditions.push('r.kind = :kind');
    params['kind'] = filter.kind;
  }
  if (filter.status) {
    conditions.push('r.status = :status');
    params['status'] = filter.status;
  }
  const oldestFirst = filter.status === 'PENDING';
  const op = oldestFirst ? '>' : '<';
  const dir = oldestFirst ? 'ASC' : 'DESC';
  const paged = cursor ? [...conditions, `(r.created_at ${op} :when OR (r.created_at = :when AND r.id ${op} :afterId))`] : conditions;
  const whereOf = (list: string[]) => (list.length ? `WHERE ${list.join(' AND ')}` : '');
  const countSql = `SELECT COUNT(*) AS "n" FROM group_request r ${whereOf(conditions)}`;
  const pageSql = `SELECT ${REQUEST_COLUMNS.map((c) => `r.${c} AS "r_${c}"`).join(', ')} FROM group_request r ${whereOf(paged)}
    ORDER BY r.created_at ${dir}, r.id ${dir} LIMIT :limit`;
  const pageParams = { ...params, limit: first + 1, ...(cursor ? { when: new Date(cursor[0]), afterId: cursor[1] } : {}) };
  const [[count], rows] = await independentReads(manager, [
    () => rawQuery<{ n: number | string }>(manager, countSql, params, statementName('gh_requests_count', countSql)),
    () => rawQuery<Record<string, unknown>>(manager, pageSql, pageParams, statementName('gh_requests_page', pageSql)),
  ] as const);
  const requests = rows.map((row) => requestFromRow(row, 'r_'));
  return { ...toPage(requests, first, (r) => [r.createdAt.toISOString(), r.id]), totalCount: Number(count?.n ?? 0) };
}

/** Every column of a request, for hand-written SQL that reads whole rows (`requestFromRow`). */
export const REQUEST_COLUMNS = ['id', 'kind', 'status', 'user_id', 'group_id', 'reason', 'created_at', 'decided_at', 'decided_by_id', 'decision_comment', 'requested_until'] as const;

/** A request read by hand-written SQL: `row` holds `REQUEST_COLUMNS` under `prefix`. */
export function requestFromRow(row: Record<string, unknown>, prefix: string): GroupRequestEntity {
  return Object.assign(new GroupRequestEntity(), {
    id: row[`${prefix}id`] as string,
    kind: row[`${prefix}kind`] as RequestKind,
    status: row[`${prefix}status`] as RequestStatus,
    userId: row[`${prefix}user_id`] as string,
    groupId: row[`${prefix}group_id`] as string,
    reason: (row[`${prefix}reason`] as string | null) ?? null,
    createdAt: toDate(row[`${prefix}created_at`])!,
    decidedAt: toDate(row[`${prefix}decided_at`]),
    decidedById: (row[`${prefix}decided_by_id`] as string | null) ?? null,
    decisionComment: (row[`${prefix}decision_comment`] as string | null) ?? null,
    requestedUntil: toDate(row[`${prefix}requested_until`]),
  });
}

/** "Pending", as hand-written SQL spells it: typed, so a renamed status fails to compile here. */
const PENDING: RequestStatus = 'PENDING';

/**
 * Joins, as `alias`, the pending request (at most one: UQ_request_one_pending) that the user bound
 * as `:userParam` has for the group whose id is `groupIdSql` — for the group slice's pages, which
 * show the viewer's own request beside each group.
 */
export function pendingRequestJoinSql(alias: string, groupIdSql: string, userParam: string): string {
  return `LEFT JOIN group_request ${alias} ON ${alias}.group_id = ${groupIdSql} AND ${alias}.user_id = :${userParam} AND ${alias}.status = '${PENDING}'`;
}

/** Pending requests per group (for Group.pendingRequestCount; callers show it only to those who may decide). */
export async function pendingCounts(manager: EntityManager, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder(GroupRequestEntity, 'r')
    .select('r.groupId', 'groupId')
    .addSelect('COUNT(*)', 'count')
    .where('r.groupId IN (:...groupIds) AND r.status = :pending', { groupIds: [...groupIds], pending: 'PENDING' })
    .groupBy('r.groupId')
    .getRawMany<{ groupId: string; count: string | number }>();
  return new Map(rows.map((r) => [r.groupId, Number(r.count)]));
}

/** The user's pending requests among `groupIds` (at most one per group). */
export async function pendingRequestsAmong(manager: EntityManager, userId: string, groupIds: readonly string[]): Promise<GroupRequestEntity[]> {
  return manager.findBy(GroupRequestEntity, { userId, groupId: In([...groupIds]), status: 'PENDING' });
}

