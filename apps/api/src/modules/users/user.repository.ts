import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { toDate } from '../../db/timestamp';
import { UserEntity } from './user.entity';

/**
 * A user read by hand-written SQL (the credential statement, the users loader): every column but
 * the password hash, which only sign-in and password changes read (through TypeORM).
 */
export const userColumnsSql = (alias: string, prefix: string): string =>
  ['id', 'email', 'email_key', 'display_name', 'name_key', 'kind', 'is_active', 'is_admin', 'created_at', 'updated_at', 'last_sign_in_at']
    .map((c) => `${alias}.${c} AS "${prefix}${c}"`)
    .join(', ');

/** Reads back the columns of `userColumnsSql` under `prefix`. */
export function userFromRow(row: Record<string, unknown>, prefix: string): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row[`${prefix}id`] as string,
    email: row[`${prefix}email`] as string,
    emailKey: row[`${prefix}email_key`] as string,
    displayName: row[`${prefix}display_name`] as string,
    nameKey: row[`${prefix}name_key`] as string,
    kind: row[`${prefix}kind`] as UserEntity['kind'],
    isActive: Boolean(row[`${prefix}is_active`]),
    isAdmin: Boolean(row[`${prefix}is_admin`]),
    createdAt: toDate(row[`${prefix}created_at`])!,
    updatedAt: toDate(row[`${prefix}updated_at`])!,
    lastSignInAt: toDate(row[`${prefix}last_sign_in_at`]),
    passwordHash: null,
  });
}

/** Users by id, in one named statement whatever the number (the users loader). */
export async function usersByIds(m: EntityManager, ids: readonly string[]): Promise<UserEntity[]> {
  if (ids.length === 0) return [];
  const rows = await rawQuery<Record<string, unknown>>(
    m,
    `SELECT ${userColumnsSql('u', 'u_')} FROM user_account u WHERE ${inList(m, 'u.id', 'ids')}`,
    { ids: listParam(m, ids) },
    'gh_users_by_id',
  );
  return rows.map((row) => userFromRow(row, 'u_'));
}
