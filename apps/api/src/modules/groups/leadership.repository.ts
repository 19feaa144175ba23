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

/** For many groups at once: the user ids that lead each (direct leaders ∪ members of leader groups). */
export async function leaderIdsOf(manager: EntityManager, groupIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  const result = new Map<string, Set<string>>(groupIds.map((id) => [id, new Set<string>()]));
  if (groupIds.length === 0) return new Map();
  const direct = await manager
    .createQueryBuilder(GroupLeaderEntity, 'l')
    .select(['l.groupId', 'l.userId'])
    .where('l.groupId IN (:...groupIds)', { groupIds })
    .getMany();
  const viaGroups = await manager
    .createQueryBuilder(GroupLeaderGroupEntity, 'lg')
    .innerJoin(MembershipEntity, 'm', 'm.groupId = lg.leaderGroupId')
    .select('lg.groupId', 'groupId')
    .addSelect('m.userId', 'userId')
    .where('lg.groupId IN (:...groupIds)', { groupIds })
    .andWhere(CURRENT_MEMBERSHIP('m'))
    .setParameter('now', now)
    .getRawMany<{ groupId: string; userId: string }>();
  for (const row of [...direct, ...viaGroups]) result.get(row.groupId)?.add(row.userId);
  return new Map([...result].map(([id, users]) => [id, [...users]]));
}

/** Restricts a query over memberships (alias `alias`) to current ones. */
export function currentOnly<T extends object>(qb: SelectQueryBuilder<T>, alias: string, now = new Date()): SelectQueryBuilder<T> {
  return qb.andWhere(CURRENT_MEMBERSHIP(alias)).setParameter('now', now);
}

/** For many users at once: the ids of the groups each leads (directly or via a leader group). */
export async function ledGroupIdsOf(manager: EntityManager, userIds: readonly string[], now = new Date()): Promise<Map<string, string[]>> {
  const result = new Map<string, Set<string>>(userIds.map((id) => [id, new Set<string>()]));
  if (userIds.length === 0) return new Map();
  const direct = await manager
    .createQueryBuilder(GroupLeaderEntity, 'l')
    .select(['l.groupId', 'l.userId'])
    .where('l.userId IN (:...userIds)', { userIds })
    .getMany();
  const viaGroups = await manager
    .createQueryBuilder(GroupLeaderGroupEntity, 'lg')
    .innerJoin(MembershipEntity, 'm', 'm.groupId = lg.leaderGroupId')
    .select('lg.groupId', 'groupId')
    .addSelect('m.userId', 'userId')
    .where('m.userId IN (:...userIds)', { userIds })
    .andWhere(CURRENT_MEMBERSHIP('m'))
    .setParameter('now', now)
    .getRawMany<{ groupId: string; userId: string }>();
  for (const row of [...direct, ...viaGroups]) result.get(row.userId)?.add(row.groupId);
  return new Map([...result].map(([id, groups]) => [id, [...groups]]));
}
