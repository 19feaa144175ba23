import type { EntityManager } from 'typeorm';
import { rawQuery, statementName } from '../../db/raw-sql';
import { currentMemberCountSql, currentMembershipsOfSql, membershipFromRow } from '../memberships/membership.repository';
import type { MembershipEntity } from '../memberships/membership.entity';
import type { GroupRequestEntity } from '../requests/group-request.entity';
import { pendingRequestJoinSql, REQUEST_COLUMNS, requestFromRow } from '../requests/requests.repository';
import type { GroupEntity } from './group.entity';
import { groupColumnsSql, groupFromRow } from './group.repository';
import { groupIdsLedBySql } from './leadership.repository';

/**
 * The group directory (SPEC §3) in two statements, whatever the page holds: the page itself —
 * each group with what the viewer's abilities and the directory's columns need (member count, the
 * viewer's membership, leadership, pending request) — and the count. The page is the hottest list
 * a member opens; answered field by field it took eight statements, each planned anew.
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

/** One group of the page and the viewer's relation to it. */
export interface DirectoryRow {
  group: GroupEntity;
  memberCount: number;
  /** The viewer's current membership of it, if any. */
  membership: MembershipEntity | null;
  isLeader: boolean;
  /** The viewer's pending request for it, if any (at most one: UQ_request_one_pending). */
  pendingRequest: GroupRequestEntity | null;
}

const MEMBERSHIP_COLUMNS = ['source', 'added_by_id', 'created_at', 'expires_at', 'expiry_warned_at'];

/** The CTEs both statements share: the viewer's current memberships and the groups they lead. */
const VIEWER_CTES = `WITH mine AS (${currentMembershipsOfSql('viewerId')}), led AS (${groupIdsLedBySql('viewerId')})`;

function where(q: DirectoryQuery, paged: boolean): string {
  const conditions: string[] = [];
  if (!q.seesAll) {
    const listed = `(g.internal = FALSE AND g.hidden = FALSE${q.mayRequest ? '' : ' AND g.public = TRUE'})`;
    conditions.push(`(g.id IN (SELECT group_id FROM mine) OR g.id IN (SELECT group_id FROM led) OR ${listed})`);
  }
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

/** How many groups the directory holds for this query (every page). */
export async function directoryCount(m: EntityManager, q: DirectoryQuery): Promise<number> {
  const sql = `${VIEWER_CTES} SELECT COUNT(*) AS "n" FROM user_group g ${where(q, false)}`;
  const [row] = await rawQuery<{ n: number | string }>(m, sql, params(q), statementName('gh_directory_count', sql));
  return Number(row?.n ?? 0);
}

/** Up to `limit` groups after the cursor, by name, each with the viewer's relation to it. */
export async function directoryPage(m: EntityManager, q: DirectoryQuery, limit: number): Promise<DirectoryRow[]> {
  const sql = `${VIEWER_CTES},
    page AS (SELECT g.* FROM user_group g ${where(q, true)} ORDER BY g.name_key ASC, g.id ASC LIMIT :limit)
    SELECT ${groupColumnsSql('p', 'g_')},
      ${currentMemberCountSql('p.id')} AS "member_count",
      CASE WHEN p.id IN (SELECT group_id FROM led) THEN 1 ELSE 0 END AS "is_leader",
      mine.group_id AS "m_group_id", ${MEMBERSHIP_COLUMNS.map((c) => `mine.${c} AS "m_${c}"`).join(', ')},
      ${REQUEST_COLUMNS.map((c) => `r.${c} AS "r_${c}"`).join(', ')}
    FROM page p
    LEFT JOIN mine ON mine.group_id = p.id
    ${pendingRequestJoinSql('r', 'p.id', 'viewerId')}
    ORDER BY p.name_key ASC, p.id ASC`;
  const rows = await rawQuery<Record<string, unknown>>(m, sql, { ...params(q), limit }, statementName('gh_directory_page', sql));
  return rows.map((row) => {
    const group = groupFromRow(row, 'g_');
    return {
      group,
      memberCount: Number(row['member_count']),
      isLeader: Number(row['is_leader']) === 1,
      membership: row['m_group_id'] ? membershipFromRow(q.viewerId, group.id, row, 'm_') : null,
      pendingRequest: row['r_id'] ? requestFromRow(row, 'r_') : null,
    };
  });
}
