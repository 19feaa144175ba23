import { In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import { independentReads } from '../../db/independent-reads';
import { inFixedList, limitSql, rawQuery, statementName } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { toDate } from '../../db/timestamp';
import type { GroupEntity } from '../groups/group.entity';
import { groupColumnsSql, groupFromRow } from '../groups/group.repository';
import { groupIdsLedBy } from '../groups/leadership.repository';
import type { UserEntity } from '../users/user.entity';
import { userColumnsSql, userFromRow } from '../users/user.repository';
import { GroupRequestEntity, type RequestKind, type RequestStatus } from './group-request.entity';
import { RequestTallyEntity } from './request-tally.entity';

/** The reads of request rows that are not a decision's own (those lock the row: requests.service.ts). */

export interface RequestFilterInput {
  groupId?: string | null;
  kind?: RequestKind | null;
  status?: RequestStatus | null;
  mine?: boolean | null;
}

/** A request of a page, with who asked and the group (read in the page's own statement). */
export interface RequestRow {
  request: GroupRequestEntity;
  user: UserEntity;
  group: GroupEntity;
}

/**
 * `groupRequests`: your own (`mine`), or the queue: requests of the groups you lead or (managers)
 * decide, all for admins. Pending: oldest first (a queue); other statuses: newest first.
 *
 * The page reads each request with its requester and group (the queue shows both), in one named
 * statement (planned once per connection: the leader's queue is opened often). The total, when
 * asked for, goes beside it: for pending requests from request_tally (kept by triggers), so a long
 * queue is not counted on every page; for other statuses and your own requests, by counting.
 */
export async function requestPage(
  manager: EntityManager,
  viewer: Viewer,
  filter: RequestFilterInput,
  first: number,
  after: string | null | undefined,
  withTotal: boolean,
): Promise<Page<RequestRow> & { totalCount?: number }> {
  const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
  const params: Record<string, unknown> = {};
  // The queue: requests of groups the viewer leads, and (managers) of every self-service group.
  // No OR with the viewer's own requests (that is `mine`), so the (group, status, created) index
  // serves it. The led groups go in as a list of values, not a subquery: for one group the planner
  // then walks that index in order and stops at the page, where a subquery made it read (and sort)
  // the whole queue.
  const queue = !filter.mine && !viewer.isAdmin;
  const ledIds = queue ? await groupIdsLedBy(manager, viewer.userId) : [];
  const managed = holds(viewer, 'groups.manage');
  /** Which groups' requests the viewer may list, as conditions on `groupId` (the page's or the tally's column). */
  const scope = (groupId: string): string[] => {
    const conditions: string[] = [];
    if (queue) {
      const led = inFixedList(groupId, 'led', ledIds);
      Object.assign(params, led.params);
      conditions.push(`(${led.sql}${managed ? ` OR ${groupId} IN (${MANAGED_GROUPS})` : ''})`);
    }
    if (filter.groupId) conditions.push(`${groupId} = :groupId`);
    return conditions;
  };
  if (filter.groupId) params['groupId'] = isUuid(filter.groupId) ? filter.groupId : '00000000-0000-0000-0000-000000000000';
  const conditions = scope('r.group_id');
  if (filter.mine) {
    conditions.push('r.user_id = :viewerId');
    params['viewerId'] = viewer.userId;
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
  const pageSql = `SELECT ${REQUEST_COLUMNS.map((c) => `r.${c} AS "r_${c}"`).join(', ')}, ${userColumnsSql('u', 'u_')}, ${groupColumnsSql('g', 'g_')}
    FROM group_request r JOIN user_account u ON u.id = r.user_id JOIN user_group g ON g.id = r.group_id ${whereOf(paged)}
    ORDER BY r.created_at ${dir}, r.id ${dir} ${limitSql(first + 1)}`;
  const pageParams = { ...params, ...(cursor ? { when: new Date(cursor[0]), afterId: cursor[1] } : {}) };
  const countSql = filter.status === 'PENDING' && !filter.mine
    ? `SELECT COALESCE(SUM(t.pending), 0) AS "n" FROM request_tally t ${whereOf([...scope('t.group_id'), ...(filter.kind ? ['t.kind = :kind'] : [])])}`
    : `SELECT COUNT(*) AS "n" FROM group_request r ${whereOf(conditions)}`;
  const [count, rows] = await independentReads(manager, [
    () => (withTotal ? rawQuery<{ n: number | string }>(manager, countSql, params, statementName('gh_requests_count', countSql)) : Promise.resolve(null)),
    () => rawQuery<Record<string, unknown>>(manager, pageSql, pageParams, statementName('gh_requests_page', pageSql)),
  ] as const);
  const groups = new Map<string, GroupEntity>();
  const found = rows.map((row): RequestRow => {
    const request = requestFromRow(row, 'r_');
    let group = groups.get(request.groupId);
    if (!group) groups.set(request.groupId, (group = groupFromRow(row, 'g_')));
    return { request, user: userFromRow(row, 'u_'), group };
  });
  const page = toPage(found, first, (r) => [r.request.createdAt.toISOString(), r.request.id]);
  return count ? { ...page, totalCount: Number(count[0]?.n ?? 0) } : page;
}

/** The groups managers decide: self-service ones (not restricted, not internal). */
const MANAGED_GROUPS = 'SELECT mg.id FROM user_group mg WHERE mg.restricted = FALSE AND mg.internal = FALSE';

/** Every column of a request, for hand-written SQL that reads whole rows (`requestFromRow`). */
export const REQUEST_COLUMNS = ['id', 'kind', 'status', 'user_id', 'group_id', 'reason', 'created_at', 'decided_at', 'decided_by_id', 'decision_comment', 'requested_until'] as const;
const keysOf = prefixedColumns(REQUEST_COLUMNS);

/** A request read by hand-written SQL: `row` holds `REQUEST_COLUMNS` under `prefix`. */
export function requestFromRow(row: Record<string, unknown>, prefix: string): GroupRequestEntity {
  const k = keysOf(prefix);
  const request = new GroupRequestEntity();
  request.id = row[k.id] as string;
  request.kind = row[k.kind] as RequestKind;
  request.status = row[k.status] as RequestStatus;
  request.userId = row[k.user_id] as string;
  request.groupId = row[k.group_id] as string;
  request.reason = (row[k.reason] as string | null) ?? null;
  request.createdAt = toDate(row[k.created_at])!;
  request.decidedAt = toDate(row[k.decided_at]);
  request.decidedById = (row[k.decided_by_id] as string | null) ?? null;
  request.decisionComment = (row[k.decision_comment] as string | null) ?? null;
  request.requestedUntil = toDate(row[k.requested_until]);
  return request;
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

/** Pending requests per group, from request_tally (for Group.pendingRequestCount; callers show it only to those who may decide). */
export async function pendingCounts(manager: EntityManager, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder(RequestTallyEntity, 't')
    .select('t.groupId', 'groupId')
    .addSelect('SUM(t.pending)', 'count')
    .where('t.groupId IN (:...groupIds)', { groupIds: [...groupIds] })
    .groupBy('t.groupId')
    .getRawMany<{ groupId: string; count: string | number }>();
  return new Map(rows.map((r) => [r.groupId, Number(r.count)]));
}

/** The user's pending requests among `groupIds` (at most one per group). */
export async function pendingRequestsAmong(manager: EntityManager, userId: string, groupIds: readonly string[]): Promise<GroupRequestEntity[]> {
  return manager.findBy(GroupRequestEntity, { userId, groupId: In([...groupIds]), status: 'PENDING' });
}

