import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { toDate } from '../../db/timestamp';
import { UserEntity } from './user.entity';

const COLUMNS = ['id', 'email', 'email_key', 'display_name', 'name_key', 'kind', 'is_active', 'is_admin', 'created_at', 'updated_at', 'last_sign_in_at'] as const;
const keysOf = prefixedColumns(COLUMNS);

/**
 * A user read by hand-written SQL (the credential statement, the users loader): every column but
 * the password hash, which only sign-in and password changes read (through TypeORM).
 */
export const userColumnsSql = (alias: string, prefix: string): string => COLUMNS.map((c) => `${alias}.${c} AS "${prefix}${c}"`).join(', ');

/** Reads back the columns of `userColumnsSql` under `prefix`. */
export function userFromRow(row: Record<string, unknown>, prefix: string): UserEntity {
  const k = keysOf(prefix);
  const user = new UserEntity();
  user.id = row[k.id] as string;
  user.email = row[k.email] as string;
  user.emailKey = row[k.email_key] as string;
  user.displayName = row[k.display_name] as string;
  user.nameKey = row[k.name_key] as string;
  user.kind = row[k.kind] as UserEntity['kind'];
  user.isActive = Boolean(row[k.is_active]);
  user.isAdmin = Boolean(row[k.is_admin]);
  user.createdAt = toDate(row[k.created_at])!;
  user.updatedAt = toDate(row[k.updated_at])!;
  user.lastSignInAt = toDate(row[k.last_sign_in_at]);
  user.passwordHash = null;
  return user;
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
