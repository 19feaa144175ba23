import type { EntityManager } from 'typeorm';
import { isPostgres, limitSql, rawQuery, shapedStatement } from '../../db/raw-sql';
import { currentMemberCountSql, currentMembershipsOfSql, listedMembershipFromRow, MEMBERSHIP_ROW_COLUMNS, membershipFromRow, type ListedMembership } from '../memberships/membership.repository';
import { LISTED_REQUEST_COLUMNS, listedRequestFromRow, pendingRequestJoinSql, REQUEST_COLUMNS, requestFromRow, type ListedRequest } from '../requests/requests.repository';
import type { GroupEntity } from './group.entity';
import { groupColumnsSql, groupOfRow, type GroupColumns, type ListedGroup } from './group.repository';
import { groupIdsLedBySql } from './leadership.repository';

/**
 * The group directory (SPEC §3) in one statement, whatever the page holds: the page itself —
 * each group with what the viewer's abilities and the directory's columns need (member count, the
 * viewer's membership, leadership, pending request) — and, when asked for, the count. The page is
 * the hottest list a member opens; answered field by field it took eight statements.
 *
 * Visibility is the `list` rule of group.policy.ts written as SQL (`directory.policy.test.ts`
 * keeps the two equal): a member, a leader, admins and managers see a group;
 * others see listed groups — public ones only without `groups.request`.
 */
export interface DirectoryQuery {
  viewerId: string;
  /** Admins and `groups.manage` holders: every group. */
  seesAll: boolean;
  /** Holds `groups.request`: listed non-public groups too. */
  mayRequest: boolean;
  memberOnly: boolean;
  ledOnly: boolean;
  /** A LIKE pattern on the lower-cased name (likePattern), or null. */
  namePattern: string | null;
  /** After (nameKey, id), or from the start. */
  after: readonly [string, string] | null;
  now: Date;
}

/**
 * How much of the viewer's membership and pending request a page reads: whole ('full'), or as
 * listed — what the group's facts (and so `viewerCan`) need, and the request's id and kind
 * (ListedMembership, ListedRequest). Whole rows were two fifths of the statement's columns, and
 * most of a page's groups have neither.
 */
export interface RelationColumns {
  membership: 'listed' | 'full';
  request: 'listed' | 'full';
}

/** One group of the page and the viewer's relation to it: a whole group, or as listed ('listed' columns). */
export interface DirectoryRow<G extends ListedGroup = GroupEntity> {
  group: G;
  memberCount: number;
  /** The viewer's current membership of it, if any: a MembershipEntity when read 'full'. */
  membership: ListedMembership | null;
  isLeader: boolean;
  /** The viewer's pending request for it, if any (at most one: UQ_request_one_pending): a GroupRequestEntity when read 'full'. */
  pendingRequest: ListedRequest | null;
}

const PENDING_COLUMNS = { full: REQUEST_COLUMNS, listed: LISTED_REQUEST_COLUMNS } as const;

/** The viewer's current memberships and the groups they lead, for the visibility rule and the page's columns. */
const VIEWER_CTES = `WITH mine AS (${currentMembershipsOfSql('viewerId')}), led AS (${groupIdsLedBySql('viewerId')})`;

/** The groups listed to this viewer whatever their relation: public ones, or with `groups.request` any not internal nor hidden. */
const listedSql = (q: DirectoryQuery): string => `(g.internal = FALSE AND g.hidden = FALSE${q.mayRequest ? '' : ' AND g.public = TRUE'})`;

function where(q: DirectoryQuery, paged: boolean): string {
  const conditions: string[] = [];
  if (!q.seesAll) conditions.push(`(g.id IN (SELECT group_id FROM mine) OR g.id IN (SELECT group_id FROM led) OR ${listedSql(q)})`);
  if (q.memberOnly) conditions.push('g.id IN (SELECT group_id FROM mine)');
  if (q.ledOnly) conditions.push('g.id IN (SELECT group_id FROM led)');
  if (q.namePattern !== null) conditions.push("g.name_key LIKE :term ESCAPE '\\'");
  if (paged && q.after) conditions.push('(g.name_key > :afterName OR (g.name_key = :afterName AND g.id > :afterId))');
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

function params(q: DirectoryQuery): Record<string, unknown> {
  return {
    viewerId: q.viewerId,
    now: q.now,
    ...(q.namePattern !== null ? { term: q.namePattern } : {}),
    ...(q.after ? { afterName: q.after[0], afterId: q.after[1] } : {}),
  };
}

/**
 * How many groups the query holds. The whole directory's is read from group_tally (kept by triggers
 * on user_group: migration GroupTally) — the listed groups of the viewer's categories — plus the
 * viewer's own groups (member or leader) that are not listed, each looked up by its key. Testing
 * every group against the visibility rule instead, on every page, grew with the number of groups
 * and was a third of the page's database time at a thousand. A search or a "mine"/"led" filter
 * counts its matches.
 */
function totalSql(q: DirectoryQuery): string {
  if (q.namePattern !== null || q.memberOnly || q.ledOnly) return `SELECT COUNT(*) AS n FROM user_group g ${where(q, false)}`;
  if (q.seesAll) return 'SELECT COALESCE(SUM(t.groups), 0) AS n FROM group_tally t';
  const categories = q.mayRequest ? "'PUBLIC', 'LISTED'" : "'PUBLIC'";
  return `SELECT (SELECT COALESCE(SUM(t.groups), 0) FROM group_tally t WHERE t.category IN (${categories}))
    + (SELECT COUNT(*) FROM (SELECT group_id FROM mine UNION SELECT group_id FROM led) own
       WHERE (SELECT NOT ${listedSql(q)} FROM user_group g WHERE g.id = own.group_id)) AS n`;
}

/** A page of the directory and, when asked for, how many groups the whole query holds. */
export interface DirectoryPage<G extends ListedGroup = GroupEntity> {
  rows: DirectoryRow<G>[];
  /** Null when the caller did not ask for the total. */
  total: number | null;
}

function directorySql(q: DirectoryQuery, limit: number, withTotal: boolean, columns: GroupColumns, relations: RelationColumns, postgres: boolean): string {
  const total = withTotal ? `, total AS (${totalSql(q)})` : '';
  return `${VIEWER_CTES},
    page AS (SELECT g.* FROM user_group g ${where(q, true)} ORDER BY g.name_key ASC, g.id ASC ${limitSql(limit)})${total}
    SELECT ${withTotal ? 'CAST(total.n AS INTEGER) AS "total", ' : ''}${groupColumnsSql('p', 'g_', columns)},
      ${currentMemberCountSql('p.id', postgres)} AS "member_count",
      CASE WHEN p.id IN (SELECT group_id FROM led) THEN 1 ELSE 0 END AS "is_leader",
      mine.group_id AS "m_group_id", ${MEMBERSHIP_ROW_COLUMNS[relations.membership].map((c) => `mine.${c} AS "m_${c}"`).join(', ')},
      ${PENDING_COLUMNS[relations.request].map((c) => `r.${c} AS "r_${c}"`).join(', ')}
    FROM ${withTotal ? 'total LEFT JOIN page p ON TRUE' : 'page p'}
    LEFT JOIN mine ON mine.group_id = p.id
    ${pendingRequestJoinSql('r', 'p.id', 'viewerId')}
    ORDER BY p.name_key ASC, p.id ASC`;
}

/**
 * Up to `limit` groups after the cursor, by name, each with the viewer's relation to it, and
 * (`withTotal`) the count of every group the query holds, in one statement: the count is a CTE the
 * page is joined to, so an empty page still brings back one row, the total's. `columns` says how
 * much of each group to read: whole groups, or as listed (ListedGroup); `relations` how much of
 * the viewer's membership and request.
 */
export async function directoryPage(m: EntityManager, q: DirectoryQuery, limit: number, withTotal: boolean, columns: 'full', relations: RelationColumns): Promise<DirectoryPage>;
export async function directoryPage(m: EntityManager, q: DirectoryQuery, limit: number, withTotal: boolean, columns: GroupColumns, relations: RelationColumns): Promise<DirectoryPage<ListedGroup>>;
export async function directoryPage(m: EntityManager, q: DirectoryQuery, limit: number, withTotal: boolean, columns: GroupColumns, relations: RelationColumns): Promise<DirectoryPage<ListedGroup>> {
  // The text depends on these only (the values are parameters): built and named once per shape.
  const shape = {
    seesAll: q.seesAll, mayRequest: q.mayRequest, memberOnly: q.memberOnly, ledOnly: q.ledOnly, search: q.namePattern !== null, after: q.after !== null,
    limit, withTotal, columns, membership: relations.membership, request: relations.request, postgres: isPostgres(m),
  };
  const { sql, name } = shapedStatement(withTotal ? 'gh_directory_counted' : 'gh_directory_page', shape, () => directorySql(q, limit, withTotal, columns, relations, shape.postgres));
  const found = await rawQuery<Record<string, unknown>>(m, sql, params(q), name);
  const rows: DirectoryRow<ListedGroup>[] = [];
  for (const row of found) {
    if (row['g_id'] == null) continue; // the total's row of an empty page
    const group = groupOfRow(row, 'g_', columns);
    rows.push({
      group,
      memberCount: Number(row['member_count']),
      isLeader: Number(row['is_leader']) === 1,
      membership: row['m_group_id'] ? (relations.membership === 'full' ? membershipFromRow : listedMembershipFromRow)(q.viewerId, group.id, row, 'm_') : null,
      pendingRequest: row['r_id'] ? (relations.request === 'full' ? requestFromRow(row, 'r_') : listedRequestFromRow(row, 'r_', q.viewerId, group.id)) : null,
    });
  }
  return { rows, total: withTotal ? Number(found[0]?.['total'] ?? 0) : null };
}
