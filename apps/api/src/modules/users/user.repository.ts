import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { toDate } from '../../db/timestamp';
import { UserEntity } from './user.entity';

/** The columns a page reads when it shows users only by name (`NamedUser`). */
const NAMED = ['id', 'display_name'] as const;
/** The columns a listing reads (`ListedUser`). */
const LISTED = [...NAMED, 'name_key', 'kind', 'is_active', 'is_admin'] as const;
const COLUMNS = [...LISTED, 'email', 'email_key', 'created_at', 'updated_at', 'last_sign_in_at'] as const;
const keysOf = prefixedColumns(COLUMNS);

/**
 * A user as a listing reads them (the leader's queue names who asked): what `User`'s listed
 * fields and its policy need (user.type.ts, LISTED_USER_FIELDS), without the email and the
 * timestamps.
 */
export type ListedUser = Pick<UserEntity, 'id' | 'displayName' | 'nameKey' | 'kind' | 'isActive' | 'isAdmin'>;

/**
 * A user as a page that shows only names read them (the leader's queue: who asked): the fields of
 * NAMED_USER_FIELDS (user.type.ts). The four columns more of a listed user were a fifth of the
 * queue's statement.
 */
export type NamedUser = Pick<UserEntity, 'id' | 'displayName'>;

/** Which of a user's columns a statement reads: 'named' (NamedUser), 'listed' (ListedUser) or 'full' (UserEntity). */
export type UserColumns = 'named' | 'listed' | 'full';
const COLUMNS_OF: Record<UserColumns, readonly string[]> = { named: NAMED, listed: LISTED, full: COLUMNS };

/**
 * A user read by hand-written SQL (the credential statement, the users loader, the queue): every
 * column but the password hash, which only sign-in and password changes read (through TypeORM),
 * or the listed ones.
 */
export const userColumnsSql = (alias: string, prefix: string, columns: UserColumns = 'full'): string =>
  COLUMNS_OF[columns].map((c) => `${alias}.${c} AS "${prefix}${c}"`).join(', ');

function readListed<U extends ListedUser>(row: Record<string, unknown>, k: ReturnType<typeof keysOf>, user: U): U {
  user.id = row[k.id] as string;
  user.displayName = row[k.display_name] as string;
  user.nameKey = row[k.name_key] as string;
  user.kind = row[k.kind] as UserEntity['kind'];
  user.isActive = Boolean(row[k.is_active]);
  user.isAdmin = Boolean(row[k.is_admin]);
  return user;
}

/** Reads back the 'listed' columns of `userColumnsSql` under `prefix`. */
function listedUserFromRow(row: Record<string, unknown>, prefix: string): ListedUser {
  return readListed(row, keysOf(prefix), new UserEntity());
}

/** Reads back the 'full' columns of `userColumnsSql` under `prefix`. */
export function userFromRow(row: Record<string, unknown>, prefix: string): UserEntity {
  const k = keysOf(prefix);
  const user = readListed(row, k, new UserEntity());
  user.email = row[k.email] as string;
  user.emailKey = row[k.email_key] as string;
  user.createdAt = toDate(row[k.created_at])!;
  user.updatedAt = toDate(row[k.updated_at])!;
  user.lastSignInAt = toDate(row[k.last_sign_in_at]);
  user.passwordHash = null;
  return user;
}

/** Reads back the 'named' columns of `userColumnsSql` under `prefix`. */
function namedUserFromRow(row: Record<string, unknown>, prefix: string): NamedUser {
  const k = keysOf(prefix);
  const user = new UserEntity();
  user.id = row[k.id] as string;
  user.displayName = row[k.display_name] as string;
  return user;
}

/** Reads back the columns of `userColumnsSql` under `prefix`, as `columns` chose them (a ListedUser or a UserEntity as they say). */
export function userOfRow(row: Record<string, unknown>, prefix: string, columns: UserColumns): NamedUser {
  if (columns === 'named') return namedUserFromRow(row, prefix);
  return columns === 'full' ? userFromRow(row, prefix) : listedUserFromRow(row, prefix);
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
