import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { currentMembershipsOfSql } from '../memberships/membership.repository';
import type { RequestKind } from '../requests/group-request.entity';
import { pendingRequestJoinSql } from '../requests/requests.repository';
import { groupIdsLedBySql } from './leadership.repository';

/** The viewer's relation to one group: what its policy facts need besides the group itself. */
export interface ViewerRelation {
  /** The viewer's current membership, and whether it has an end date; null: not a member. */
  membership: { expires: boolean } | null;
  leads: boolean;
  /** The kind of the viewer's pending request for it (at most one: UQ_request_one_pending). */
  pendingRequest: RequestKind | null;
}

/**
 * The viewer's membership, leadership and pending request for each of these groups, in one named
 * statement (GroupsService.factsFor: every page that shows groups with their abilities asks it).
 * Each rule is the owner's own SQL: current membership (modules/memberships), leadership
 * (leadership.repository); the caller binds nothing else.
 */
export async function viewerRelationsAmong(m: EntityManager, viewerId: string, groupIds: readonly string[], now = new Date()): Promise<Map<string, ViewerRelation>> {
  if (groupIds.length === 0) return new Map();
  const rows = await rawQuery<{ groupId: string; member: number | string | null; expires: number | string | null; leads: number | string; pending: RequestKind | null }>(
    m,
    `WITH mine AS (${currentMembershipsOfSql('viewerId')}), led AS (${groupIdsLedBySql('viewerId')})
     SELECT g.id AS "groupId", CASE WHEN mine.group_id IS NULL THEN 0 ELSE 1 END AS "member",
            CASE WHEN mine.expires_at IS NULL THEN 0 ELSE 1 END AS "expires",
            CASE WHEN g.id IN (SELECT group_id FROM led) THEN 1 ELSE 0 END AS "leads",
            r.kind AS "pending"
       FROM user_group g
       LEFT JOIN mine ON mine.group_id = g.id
       ${pendingRequestJoinSql('r', 'g.id', 'viewerId')}
      WHERE ${inList(m, 'g.id', 'ids')}`,
    { viewerId, ids: listParam(m, groupIds), now },
    'gh_viewer_relations_among',
  );
  return new Map(
    rows.map((r) => [
      r.groupId,
      { membership: Number(r.member) === 1 ? { expires: Number(r.expires) === 1 } : null, leads: Number(r.leads) === 1, pendingRequest: r.pending ?? null },
    ]),
  );
}
