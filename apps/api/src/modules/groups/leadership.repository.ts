import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { currentMembershipSql } from '../memberships/current';

/**
 * Leaders of G (SPEC §2): users listed in G's leaders, and *direct, current* members of one of G's
 * leader groups. Not transitive: leading a leader group without being in it gives nothing.
 */

/**
 * Ids of the groups `userId` leads. One named statement with one user bound as a value (not a
 * list): PostgreSQL keeps one plan for it, where the list form is planned again each time.
 */
export async function groupIdsLedBy(manager: EntityManager, userId: string, now = new Date()): Promise<string[]> {
  const rows = await rawQuery<{ group_id: string }>(manager, groupIdsLedBySql('userId'), { userId, now }, 'gh_groups_led_by');
  return rows.map((r) => r.group_id);
}

/**
 * Leadership pairs (groupId, userId) among the given groups and/or users: direct leaders, and
 * current members of leader groups. One place for the rule; the lookups around it only shape the
 * result. One statement, whose text depends only on which filters are given (each list is one
 * parameter), so PostgreSQL plans it once per shape.
 */
async function leadershipPairs(
  manager: EntityManager,
  among: { groupIds?: readonly string[]; userIds?: readonly string[] },
  now: Date,
): Promise<{ groupId: string; userId: string }[]> {
  const filters = (group: string, user: string) =>
    [among.groupIds ? inList(manager, group, 'groupIds') : null, among.userIds ? inList(manager, user, 'userIds') : null]
      .filter(Boolean)
      .map((f) => ` AND ${f}`)
      .join('');
  return rawQuery<{ groupId: string; userId: string }>(
    manager,
    `SELECT l.group_id AS "groupId", l.user_id AS "userId" FROM group_leader l WHERE 1 = 1${filters('l.group_id', 'l.user_id')}
     UNION ALL
     SELECT lg.group_id, m.user_id FROM group_leader_group lg JOIN membership m ON m.group_id = lg.leader_group_id
      WHERE ${currentMembershipSql('m')}${filters('lg.group_id', 'm.user_id')}`,
    {
      now,
      ...(among.groupIds ? { groupIds: listParam(manager, among.groupIds) } : {}),
      ...(among.userIds ? { userIds: listParam(manager, among.userIds) } : {}),
    },
    `gh_leadership${among.groupIds ? '_g' : ''}${among.userIds ? '_u' : ''}`,
  );
}

function collect(keys: readonly string[], pairs: { groupId: string; userId: string }[], key: 'groupId' | 'userId'): Map<string, string[]> {
  const other = key === 'groupId' ? 'userId' : 'groupId';
  const result = new Map<string, Set<string>>(keys.map((k) => [k, new Set<string>()]));
  for (const pair of pairs) result.get(pair[key])?.add(pair[other]);
  return new Map([...result].map(([k, values]) => [k, [...values]]));
}

/** For many groups at once: the user ids that lead each. */
export async function leaderIdsOf(manager: EntityManager, groupIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  if (groupIds.length === 0) return new Map();
  return collect(groupIds, await leadershipPairs(manager, { groupIds }, now), 'groupId');
}

/** For many users at once: the ids of the groups each leads (directly or via a leader group). */
export async function ledGroupIdsOf(manager: EntityManager, userIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  return collect(userIds, await leadershipPairs(manager, { userIds }, now), 'userId');
}

/**
 * SQL selecting (as `group_id`) the ids of the groups the user bound to `:<userParam>` leads, for
 * statements that fold the rule into a larger query (the directory page); the caller binds `:now`.
 * The same rule as `leadershipPairs`, spelled for embedding.
 */
export const groupIdsLedBySql = (userParam: string): string =>
  `SELECT l.group_id FROM group_leader l WHERE l.user_id = :${userParam}
   UNION SELECT lg.group_id FROM group_leader_group lg JOIN membership lm ON lm.group_id = lg.leader_group_id
    WHERE lm.user_id = :${userParam} AND ${currentMembershipSql('lm')}`;
