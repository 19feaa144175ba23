import type { EntityManager } from 'typeorm';
import { PermissionEntity } from './permission.entity';
import { rawQuery } from '../../db/raw-sql';
import { currentMembershipSql } from '../memberships/current';

interface Subject {
  id: string;
  isActive: boolean;
  isAdmin: boolean;
}

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
    // One round trip: direct grants UNION grants through current memberships.
    const rows = await rawQuery<{ userId: string; key: string }>(
      manager,
      `SELECT up.user_id AS "userId", up.permission_key AS "key" FROM user_permission up WHERE up.user_id IN (:...ids)
       UNION
       SELECT m.user_id AS "userId", gp.permission_key AS "key"
         FROM membership m JOIN group_permission gp ON gp.group_id = m.group_id
        WHERE m.user_id IN (:...ids) AND ${currentMembershipSql('m')}`,
      { ids: plain, now },
    );
    for (const row of rows) result.get(row.userId)?.add(row.key);
  }
  return new Map([...result].map(([id, keys]) => [id, [...keys].sort()]));
}

export async function effectivePermissions(manager: EntityManager, user: Subject, now = new Date()): Promise<string[]> {
  return (await effectivePermissionsOf(manager, [user], now)).get(user.id) ?? [];
}

/** Active users who hold `key` (directly or through a current membership), plus active admins. */
export async function activeHoldersOf(manager: EntityManager, key: string, now = new Date()): Promise<string[]> {
  const rows = await rawQuery<{ userId: string }>(
    manager,
    `SELECT u.id AS "userId" FROM user_account u WHERE u.is_active = :yes AND u.is_admin = :yes
     UNION
     SELECT up.user_id FROM user_permission up JOIN user_account u ON u.id = up.user_id
      WHERE up.permission_key = :key AND u.is_active = :yes
     UNION
     SELECT m.user_id FROM membership m
       JOIN group_permission gp ON gp.group_id = m.group_id
       JOIN user_account u ON u.id = m.user_id
      WHERE gp.permission_key = :key AND u.is_active = :yes AND ${currentMembershipSql('m')}`,
    { yes: true, key, now },
  );
  return rows.map((r) => r.userId);
}
