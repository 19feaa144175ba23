import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { toDate } from '../../db/timestamp';
import { GroupEntity, type BuiltInGroup, type GroupSource, type Shareable } from './group.entity';

const COLUMNS = ['id', 'name', 'name_key', 'description', 'built_in', 'shareable', 'max_members', 'metadata', 'source', 'created_by_id', 'created_at', 'updated_at'] as const;
/** The boolean columns, read as one number: bit i is FLAGS[i]. */
const FLAGS = ['internal', 'hidden', 'open', 'public', 'restricted', 'system'] as const;
const BIT = Object.fromEntries(FLAGS.map((f, i) => [f, 1 << i])) as Readonly<Record<(typeof FLAGS)[number], number>>;
const keysOf = prefixedColumns([...COLUMNS, 'flags']);

/**
 * Every column of a group, for hand-written SQL (the directory page, the groups loader). The six
 * flags come as one number (`flags`): a page's rows are read value by value, and six booleans a
 * row were a third of the directory's values — each one text for PostgreSQL to write and a
 * string for the driver to make. CASE on a boolean is the same in both dialects (SQLite's are 0/1).
 */
export const groupColumnsSql = (alias: string, prefix: string): string =>
  [
    ...COLUMNS.map((c) => `${alias}.${c} AS "${prefix}${c}"`),
    `(${FLAGS.map((f) => `CASE WHEN ${alias}.${f} THEN ${BIT[f]} ELSE 0 END`).join(' + ')}) AS "${prefix}flags"`,
  ].join(', ');

/** Reads back the columns of `groupColumnsSql` under `prefix`. */
export function groupFromRow(row: Record<string, unknown>, prefix: string): GroupEntity {
  const k = keysOf(prefix);
  const metadata = row[k.metadata];
  const maxMembers = row[k.max_members];
  const group = new GroupEntity();
  group.id = row[k.id] as string;
  group.name = row[k.name] as string;
  group.nameKey = row[k.name_key] as string;
  group.description = row[k.description] as string;
  const flags = Number(row[k.flags]);
  group.internal = (flags & BIT.internal) !== 0;
  group.hidden = (flags & BIT.hidden) !== 0;
  group.open = (flags & BIT.open) !== 0;
  group.public = (flags & BIT.public) !== 0;
  group.restricted = (flags & BIT.restricted) !== 0;
  group.system = (flags & BIT.system) !== 0;
  group.builtIn = (row[k.built_in] as BuiltInGroup | null) ?? null;
  group.shareable = row[k.shareable] as Shareable;
  group.maxMembers = maxMembers === null || maxMembers === undefined ? null : Number(maxMembers);
  // simple-json: stored as text in both dialects.
  group.metadata = typeof metadata === 'string' ? (JSON.parse(metadata) as GroupEntity['metadata']) : ((metadata ?? {}) as GroupEntity['metadata']);
  group.source = row[k.source] as GroupSource;
  group.createdById = (row[k.created_by_id] as string | null) ?? null;
  group.createdAt = toDate(row[k.created_at])!;
  group.updatedAt = toDate(row[k.updated_at])!;
  return group;
}

/** Groups by id, in one named statement whatever the number (the groups loader). */
export async function groupsByIds(m: EntityManager, ids: readonly string[]): Promise<GroupEntity[]> {
  if (ids.length === 0) return [];
  const rows = await rawQuery<Record<string, unknown>>(
    m,
    `SELECT ${groupColumnsSql('g', 'g_')} FROM user_group g WHERE ${inList(m, 'g.id', 'ids')}`,
    { ids: listParam(m, ids) },
    'gh_groups_by_id',
  );
  return rows.map((row) => groupFromRow(row, 'g_'));
}
