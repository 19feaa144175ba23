import { Brackets, type EntityManager } from 'typeorm';
import { GroupPermissionEntity } from '../groups/group-permission.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { PermissionEntity } from './permission.entity';
import { UserPermissionEntity } from './user-permission.entity';

interface Subject {
  id: string;
  isActive: boolean;
  isAdmin: boolean;
}

/** A membership counts while it has no expiry or its expiry is still ahead. */
export const CURRENT_MEMBERSHIP = (alias: string) =>
  new Brackets((qb) => qb.where(`${alias}.expiresAt IS NULL`).orWhere(`${alias}.expiresAt > :now`));

/**
 * Effective permissions of many users at once (SPEC §1): direct ∪ permissions of every group the
 * user is a current member of. Admins hold every catalog key; inactive users hold none.
 * Two queries whatever the number of users.
 */
export async function effectivePermissionsOf(
  manager: EntityManager,
  users: readonly Subject[],
  now = new Date(),
): Promise<Map<string, string[]>> {
  const result = new Map<string, Set<string>>(users.map((u) => [u.id, new Set<string>()]));
  const admins = users.filter((u) => u.isActive && u.isAdmin);
  const plain = users.filter((u) => u.isActive && !u.isAdmin).map((u) => u.id);
  if (admins.length > 0) {
    const all = await manager.find(PermissionEntity, { select: { key: true } });
    for (const admin of admins) all.forEach((p) => result.get(admin.id)!.add(p.key));
  }
  if (plain.length > 0) {
    const direct = manager
      .createQueryBuilder(UserPermissionEntity, 'up')
      .select('up.userId', 'userId')
      .addSelect('up.permissionKey', 'key')
      .where('up.userId IN (:...ids)', { ids: plain });
    const viaGroups = manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(GroupPermissionEntity, 'gp', 'gp.groupId = m.groupId')
      .select('m.userId', 'userId')
      .addSelect('gp.permissionKey', 'key')
      .where('m.userId IN (:...ids)', { ids: plain })
      .andWhere(CURRENT_MEMBERSHIP('m'))
      .setParameter('now', now);
    const rows = [
      ...(await direct.getRawMany<{ userId: string; key: string }>()),
      ...(await viaGroups.getRawMany<{ userId: string; key: string }>()),
    ];
    for (const row of rows) result.get(row.userId)?.add(row.key);
  }
  return new Map([...result].map(([id, keys]) => [id, [...keys].sort()]));
}

export async function effectivePermissions(manager: EntityManager, user: Subject, now = new Date()): Promise<string[]> {
  return (await effectivePermissionsOf(manager, [user], now)).get(user.id) ?? [];
}
