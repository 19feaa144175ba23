import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { MembershipEntity } from '../memberships/membership.entity';
import { CURRENT_MEMBERSHIP } from '../permissions/effective-permissions';
import { GroupLeaderGroupEntity } from './group-leader-group.entity';
import { GroupLeaderEntity } from './group-leader.entity';

/**
 * Leaders of G (SPEC §2): users listed in G's leaders, and *direct, current* members of one of G's
 * leader groups. Not transitive: leading a leader group without being in it gives nothing.
 */

/** Ids of the groups `userId` leads, as rows `{ groupId }`. Two queries. */
export async function groupIdsLedBy(manager: EntityManager, userId: string, now = new Date()): Promise<string[]> {
  const direct = await manager.find(GroupLeaderEntity, { select: { groupId: true }, where: { userId } });
  const viaGroups = await manager
    .createQueryBuilder(GroupLeaderGroupEntity, 'lg')
    .innerJoin(MembershipEntity, 'm', 'm.groupId = lg.leaderGroupId AND m.userId = :userId', { userId })
    .select('lg.groupId', 'groupId')
    .where(CURRENT_MEMBERSHIP('m'))
    .setParameter('now', now)
    .getRawMany<{ groupId: string }>();
  return [...new Set([...direct.map((d) => d.groupId), ...viaGroups.map((v) => v.groupId)])];
}

/**
 * Leadership pairs (groupId, userId) for the given groups or users: direct leaders, and current
 * members of leader groups. One place for the rule; the two lookups below only shape the result.
 */
async function leadershipPairs(manager: EntityManager, by: 'groupId' | 'userId', ids: readonly string[], now: Date): Promise<{ groupId: string; userId: string }[]> {
  const direct = await manager
    .createQueryBuilder(GroupLeaderEntity, 'l')
    .select(['l.groupId', 'l.userId'])
    .where(`l.${by} IN (:...ids)`, { ids })
    .getMany();
  const viaGroups = await manager
    .createQueryBuilder(GroupLeaderGroupEntity, 'lg')
    .innerJoin(MembershipEntity, 'm', 'm.groupId = lg.leaderGroupId')
    .select('lg.groupId', 'groupId')
    .addSelect('m.userId', 'userId')
    .where(by === 'groupId' ? 'lg.groupId IN (:...ids)' : 'm.userId IN (:...ids)', { ids })
    .andWhere(CURRENT_MEMBERSHIP('m'))
    .setParameter('now', now)
    .getRawMany<{ groupId: string; userId: string }>();
  return [...direct, ...viaGroups];
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
  return collect(groupIds, await leadershipPairs(manager, 'groupId', groupIds, now), 'groupId');
}

/** Restricts a query over memberships (alias `alias`) to current ones. */
export function currentOnly<T extends object>(qb: SelectQueryBuilder<T>, alias: string, now = new Date()): SelectQueryBuilder<T> {
  return qb.andWhere(CURRENT_MEMBERSHIP(alias)).setParameter('now', now);
}

/** For many users at once: the ids of the groups each leads (directly or via a leader group). */
export async function ledGroupIdsOf(manager: EntityManager, userIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  return collect(userIds, await leadershipPairs(manager, 'userId', userIds, now), 'userId');
}
