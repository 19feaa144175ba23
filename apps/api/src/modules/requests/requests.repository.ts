import { In, type EntityManager } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import { inList, isPostgres, limitSql, listParam, rawQuery, shapedStatement } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { ownTallyNotesSql } from '../../db/tally-notes';
import { toDate } from '../../db/timestamp';
import { groupColumnsSql, groupOfRow, type GroupColumns, type ListedGroup } from '../groups/group.repository';
import { groupIdsLedBySql } from '../groups/leadership.repository';
import { userColumnsSql, userOfRow, type NamedUser, type UserColumns } from '../users/user.repository';
import { GroupRequestEntity, type RequestKind, type RequestStatus } from './group-request.entity';

/** The reads of request rows that are not a decision's own (those lock the row: requests.service.ts). */

export interface RequestFilterInput {
  groupId?: string | null;
  kind?: RequestKind | null;
  status?: RequestStatus | null;
  mine?: boolean | null;
}

/**
 * A request of a page, with who asked and the group (read in the page's own statement): whole
 * (a UserEntity, a GroupEntity) or as listed, as the page's `RequestColumns` say.
 */
export interface RequestRow {
  request: GroupRequestEntity;
  /** As `RequestColumns.user` says: a NamedUser, a ListedUser or a UserEntity. */
  user: NamedUser;
  group: ListedGroup;
}

/** How much of each requester and group a page reads. */
export interface RequestColumns {
  user: UserColumns;
  group: GroupColumns;
}

/**
 * `groupRequests`: your own (`mine`), or the queue: requests of the groups you lead or (managers)
 * decide, all for admins. Pending: oldest first (a queue); other statuses: newest first.
 *
 * One named statement, whatever the page holds (the leader's queue is opened often): the groups
 * the viewer leads, the total when asked for, and the page, each request with its requester and
 * group. The total is a CTE the page is joined to, so an empty page still brings back one row, the
 * total's. For pending requests it is read from request_tally (kept by triggers), so a long queue
 * is not counted on every page; other statuses and your own requests are counted.
 *
 * A leader's page on PostgreSQL walks each led group's requests in index order, LATERAL, and merges
 * those short runs: with the led groups as a subquery in a plain WHERE, the planner read (and
 * sorted) the whole queue to return fifty rows. Managers see every self-service group as well, a
 * scope too wide to walk group by group: their page walks the requests in order and keeps those in
 * scope.
 */
export async function requestPage(
  manager: EntityManager,
  viewer: Viewer,
  filter: RequestFilterInput,
  first: number,
  after: string | null | undefined,
  withTotal: boolean,
  columns: RequestColumns,
): Promise<Page<RequestRow> & { totalCount?: number }> {
  const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
  const queue = !filter.mine && !viewer.isAdmin;
  const postgres = isPostgres(manager);
  const shape: RequestPageShape = {
    queue,
    managed: queue && holds(viewer, 'groups.manage'),
    mine: Boolean(filter.mine),
    groupId: Boolean(filter.groupId),
    kind: Boolean(filter.kind),
    status: filter.status ?? null,
    cursor: cursor !== null,
    first,
    withTotal,
    user: columns.user,
    group: columns.group,
    postgres,
  };
  const params: Record<string, unknown> = { now: new Date() };
  if (queue || filter.mine) params['viewerId'] = viewer.userId;
  if (filter.groupId) params['groupId'] = isUuid(filter.groupId) ? filter.groupId : '00000000-0000-0000-0000-000000000000';
  if (filter.kind) params['kind'] = filter.kind;
  if (filter.status) params['status'] = filter.status;
  if (cursor) Object.assign(params, { when: new Date(cursor[0]), afterId: cursor[1] });
  const { sql, name } = shapedStatement('gh_requests_page', shape, () => requestPageSql(shape));
  const found = await rawQuery<Record<string, unknown>>(manager, sql, params, name);
  const groups = new Map<string, ListedGroup>();
  const rows: RequestRow[] = [];
  for (const row of found) {
    if (row['r_id'] == null) continue; // the total's row of an empty page
    const request = requestFromRow(row, 'r_');
    let group = groups.get(request.groupId);
    if (!group) groups.set(request.groupId, (group = groupOfRow(row, 'g_', columns.group))); // its first request: the row carries it
    rows.push({ request, user: userOfRow(row, 'u_', columns.user), group });
  }
  const page = toPage(rows, first, (r) => [r.request.createdAt.toISOString(), r.request.id]);
  return withTotal ? Object.assign(page, { totalCount: Number(found[0]?.['total'] ?? 0) }) : page;
}

/** What decides the text of a request page's statement; its values are bound (`requestPage`). */
interface RequestPageShape {
  /** The queue: requests of the groups the viewer leads (`:viewerId`), or also decides as a manager. */
  queue: boolean;
  managed: boolean;
  /** The viewer's own requests (`:viewerId`). */
  mine: boolean;
  /** One group's (`:groupId`), one kind's (`:kind`), after a cursor (`:when`, `:afterId`). */
  groupId: boolean;
  kind: boolean;
  status: RequestStatus | null;
  cursor: boolean;
  first: number;
  withTotal: boolean;
  user: UserColumns;
  group: GroupColumns;
  postgres: boolean;
}

/** The statement `requestPage` runs for pages of one shape: built and named once per shape. */
function requestPageSql(shape: RequestPageShape): string {
  const { queue, managed, postgres } = shape;
  const walkLed = queue && !managed && postgres;
  /** Which groups' requests the viewer may list, as conditions on `groupId` (the page's or the tally's column). */
  const scope = (groupId: string): string[] => {
    const conditions: string[] = [];
    if (queue) conditions.push(`(${groupId} IN (SELECT group_id FROM led)${managed ? ` OR ${groupId} IN (${MANAGED_GROUPS})` : ''})`);
    if (shape.groupId) conditions.push(`${groupId} = :groupId`);
    return conditions;
  };
  const conditions = walkLed ? (shape.groupId ? ['r.group_id = :groupId'] : []) : scope('r.group_id');
  if (shape.mine) conditions.push('r.user_id = :viewerId');
  if (shape.kind) conditions.push('r.kind = :kind');
  if (shape.status) conditions.push('r.status = :status');
  const oldestFirst = shape.status === PENDING;
  const op = oldestFirst ? '>' : '<';
  const dir = oldestFirst ? 'ASC' : 'DESC';
  const order = `ORDER BY r.created_at ${dir}, r.id ${dir} ${limitSql(shape.first + 1)}`;
  const paged = shape.cursor ? [...conditions, `(r.created_at ${op} :when OR (r.created_at = :when AND r.id ${op} :afterId))`] : conditions;
  const pageSql = walkLed
    ? `SELECT r.* FROM led s CROSS JOIN LATERAL (SELECT r.* FROM group_request r ${whereSql(['r.group_id = s.group_id', ...paged])} ${order}) r ${order}`
    : `SELECT r.* FROM group_request r ${whereSql(paged)} ${order}`;
  const totalSql = shape.status === PENDING && !shape.mine
    ? `SELECT ${pendingTallySql((t) => [...scope(`${t}.group_id`), ...(shape.kind ? [`${t}.kind = :kind`] : [])], postgres)} AS n`
    : `SELECT COUNT(*) AS n FROM group_request r ${whereSql(walkLed ? [...scope('r.group_id'), ...conditions] : conditions)}`;
  // Each group's columns come once, on its first request of the page: a leader's queue is mostly
  // one group, and repeating its row on every request was a third of the values the page read.
  // On PostgreSQL each first request's group is looked up by its key (LATERAL; the LIMIT keeps the
  // planner from flattening it): as a plain join it was merged with user_group's whole primary
  // key, read in order up to the page's group.
  const groupJoin = postgres
    ? 'LEFT JOIN LATERAL (SELECT g.* FROM user_group g WHERE g.id = r.group_id AND r.nth = 1 LIMIT 1) g ON TRUE'
    : 'LEFT JOIN user_group g ON g.id = r.group_id AND r.nth = 1';
  const ctes = [
    ...(queue ? [`led AS (${groupIdsLedBySql('viewerId')})`] : []),
    ...(shape.withTotal ? [`total AS (${totalSql})`] : []),
    `page AS (${pageSql})`,
    `firsts AS (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.group_id ORDER BY p.created_at ${dir}, p.id ${dir}) AS nth FROM page p)`,
  ];
  return `WITH ${ctes.join(', ')}
    SELECT ${shape.withTotal ? 'CAST(total.n AS INTEGER) AS "total", ' : ''}${REQUEST_COLUMNS.map((c) => `r.${c} AS "r_${c}"`).join(', ')}, ${userColumnsSql('u', 'u_', shape.user)}, ${groupColumnsSql('g', 'g_', shape.group)}
    FROM ${shape.withTotal ? 'total LEFT JOIN firsts r ON TRUE' : 'firsts r'}
    LEFT JOIN user_account u ON u.id = r.user_id ${groupJoin}
    ORDER BY r.created_at ${dir}, r.id ${dir}`;
}

/** The groups managers decide: self-service ones (not restricted, not internal). */
const MANAGED_GROUPS = 'SELECT mg.id FROM user_group mg WHERE mg.restricted = FALSE AND mg.internal = FALSE';

/** "Pending", as hand-written SQL spells it: typed, so a renamed status fails to compile here. */
const PENDING: RequestStatus = 'PENDING';

/**
 * A pending request as a page of groups lists the viewer's own: its id and kind read, the rest
 * known from how it was found (pending, the viewer's, for that group). LISTED_REQUEST_FIELDS
 * (request.type.ts) are the fields it answers.
 */
export type ListedRequest = Pick<GroupRequestEntity, 'id' | 'kind' | 'status' | 'userId' | 'groupId'>;

/** The columns a listed request reads (`listedRequestFromRow`). */
export const LISTED_REQUEST_COLUMNS = ['id', 'kind'] as const;

/** The viewer's pending request for a group, read with LISTED_REQUEST_COLUMNS under `prefix`. */
export function listedRequestFromRow(row: Record<string, unknown>, prefix: string, userId: string, groupId: string): ListedRequest {
  return { id: row[`${prefix}id`] as string, kind: row[`${prefix}kind`] as RequestKind, status: PENDING, userId, groupId };
}

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

/**
 * Joins, as `alias`, the pending request (at most one: UQ_request_one_pending) that the user bound
 * as `:userParam` has for the group whose id is `groupIdSql` — for the group slice's pages, which
 * show the viewer's own request beside each group.
 */
export function pendingRequestJoinSql(alias: string, groupIdSql: string, userParam: string): string {
  return `LEFT JOIN group_request ${alias} ON ${alias}.group_id = ${groupIdSql} AND ${alias}.user_id = :${userParam} AND ${alias}.status = '${PENDING}'`;
}

/**
 * SQL for how many requests are pending among the rows of request_tally (kept by triggers:
 * migrations RequestTally, RequestTallyAtCommit) that `where(alias)` picks, as an integer. On
 * PostgreSQL a transaction's writes reach the tally as it commits; until then, one that has
 * written (it has a transaction id) adds its own noted changes, picked by the same conditions.
 */
export function pendingTallySql(where: (alias: string) => string[], postgres: boolean): string {
  const committed = `COALESCE((SELECT SUM(t.pending) FROM request_tally t ${whereSql(where('t'))}), 0)`;
  if (!postgres) return `CAST(${committed} AS INTEGER)`;
  return `CAST(${committed} + CASE WHEN txid_current_if_assigned() IS NULL THEN 0
    ELSE ${ownTallyNotesSql('request_tally_change', 'pending', where('c'))} END AS INTEGER)`;
}

const whereSql = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** Pending requests per group, from request_tally (for Group.pendingRequestCount; callers show it only to those who may decide). */
export async function pendingCounts(manager: EntityManager, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await rawQuery<{ groupId: string; count: string | number }>(
    manager,
    `SELECT g.id AS "groupId", ${pendingTallySql((t) => [`${t}.group_id = g.id`], isPostgres(manager))} AS "count" FROM user_group g WHERE ${inList(manager, 'g.id', 'ids')}`,
    { ids: listParam(manager, groupIds) },
    'gh_pending_counts',
  );
  return new Map(rows.map((r) => [r.groupId, Number(r.count)]));
}

/** The user's pending requests among `groupIds` (at most one per group). */
export async function pendingRequestsAmong(manager: EntityManager, userId: string, groupIds: readonly string[]): Promise<GroupRequestEntity[]> {
  return manager.findBy(GroupRequestEntity, { userId, groupId: In([...groupIds]), status: 'PENDING' });
}

