import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { MembershipEntity } from '../memberships/membership.entity';
import { CURRENT_MEMBERSHIP } from '../permissions/effective-permissions';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';

/**
 * Leaders of G (SPEC §2): users listed in G's leaders, and *direct, current* members of one of G's
 * leader groups. Not transitive: leading a leader group without being in it gives nothing.
 */

/** Ids of the groups `userId` leads. Two queries. */
export async function groupIdsLedBy(manager: EntityManager, userId: string, now = new Date()): Promise<string[]> {
  return [...new Set((await leadershipPairs(manager, { userIds: [userId] }, now)).map((p) => p.groupId))];
}

/** Which of `groupIds` `userId` leads: only those pairs are read, however many others lead them. Two queries. */
export async function groupsLedAmong(manager: EntityManager, userId: string, groupIds: readonly string[], now = new Date()): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  return new Set((await leadershipPairs(manager, { userIds: [userId], groupIds }, now)).map((p) => p.groupId));
}

/**
 * Leadership pairs (groupId, userId) among the given groups and/or users: direct leaders, and
 * current members of leader groups. One place for the rule; the lookups around it only shape the
 * result.
 */
async function leadershipPairs(
  manager: EntityManager,
  among: { groupIds?: readonly string[]; userIds?: readonly string[] },
  now: Date,
): Promise<{ groupId: string; userId: string }[]> {
  const direct = manager.createQueryBuilder(GroupLeaderEntity, 'l').select(['l.groupId', 'l.userId']);
  if (among.groupIds) direct.andWhere('l.groupId IN (:...groupIds)', { groupIds: among.groupIds });
  if (among.userIds) direct.andWhere('l.userId IN (:...userIds)', { userIds: among.userIds });
  const viaGroups = manager
    .createQueryBuilder(GroupLeaderGroupEntity, 'lg')
    .innerJoin(MembershipEntity, 'm', 'm.groupId = lg.leaderGroupId')
    .select('lg.groupId', 'groupId')
    .addSelect('m.userId', 'userId')
    .where(CURRENT_MEMBERSHIP('m'))
    .setParameter('now', now);
  if (among.groupIds) viaGroups.andWhere('lg.groupId IN (:...groupIds)', { groupIds: among.groupIds });
  if (among.userIds) viaGroups.andWhere('m.userId IN (:...userIds)', { userIds: among.userIds });
  return [...(await direct.getMany()), ...(await viaGroups.getRawMany<{ groupId: string; userId: string }>())];
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

/** Restricts a query over memberships (alias `alias`) to current ones. */
export function currentOnly<T extends object>(qb: SelectQueryBuilder<T>, alias: string, now = new Date()): SelectQueryBuilder<T> {
  return qb.andWhere(CURRENT_MEMBERSHIP(alias)).setParameter('now', now);
}

/** For many users at once: the ids of the groups each leads (directly or via a leader group). */
export async function ledGroupIdsOf(manager: EntityManager, userIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  return collect(userIds, await leadershipPairs(manager, { userIds }, now), 'userId');
}
