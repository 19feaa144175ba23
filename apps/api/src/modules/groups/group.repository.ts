import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { prefixedColumns } from '../../db/row-columns';
import { toDate } from '../../db/timestamp';
import { GroupEntity, type BuiltInGroup, type GroupSource, type Shareable } from './group.entity';

/** The columns a group's policy and a listing read (`ListedGroup`, with the flags). */
const LISTED = ['id', 'name', 'name_key', 'built_in', 'max_members'] as const;
const COLUMNS = [...LISTED, 'description', 'shareable', 'metadata', 'source', 'created_by_id', 'created_at', 'updated_at'] as const;
/** The boolean columns, read as one number: bit i is FLAGS[i]. */
const FLAGS = ['internal', 'hidden', 'open', 'public', 'restricted', 'system'] as const;
const BIT = Object.fromEntries(FLAGS.map((f, i) => [f, 1 << i])) as Readonly<Record<(typeof FLAGS)[number], number>>;
const keysOf = prefixedColumns([...COLUMNS, 'flags']);

/**
 * A group as a listing reads it: what the group policy needs (GroupFacts.group) and the listed
 * fields of a page (group.type.ts, LISTED_GROUP_FIELDS). The description, metadata and
 * timestamps stay in the database: on a page of fifty they were most of the values PostgreSQL
 * wrote and the driver read, for fields a directory rarely shows.
 */
export type ListedGroup = Pick<GroupEntity, 'id' | 'name' | 'nameKey' | 'builtIn' | 'maxMembers' | (typeof FLAGS)[number]>;

/** Which of a group's columns a statement reads: 'listed' (ListedGroup) or 'full' (GroupEntity). */
export type GroupColumns = 'listed' | 'full';

/**
 * A group's columns, for hand-written SQL (the directory page, the queue, the groups loader). The
 * six flags come as one number (`flags`): a page's rows are read value by value, and six booleans
 * a row were a third of the directory's values — each one text for PostgreSQL to write and a
 * string for the driver to make. CASE on a boolean is the same in both dialects (SQLite's are 0/1).
 */
export const groupColumnsSql = (alias: string, prefix: string, columns: GroupColumns = 'full'): string =>
  [
    ...(columns === 'full' ? COLUMNS : LISTED).map((c) => `${alias}.${c} AS "${prefix}${c}"`),
    `(${FLAGS.map((f) => `CASE WHEN ${alias}.${f} THEN ${BIT[f]} ELSE 0 END`).join(' + ')}) AS "${prefix}flags"`,
  ].join(', ');

/** Sets the listed fields of `group` from a row of `groupColumnsSql` (either columns). */
function readListed<G extends ListedGroup>(row: Record<string, unknown>, k: ReturnType<typeof keysOf>, group: G): G {
  const maxMembers = row[k.max_members];
  group.id = row[k.id] as string;
  group.name = row[k.name] as string;
  group.nameKey = row[k.name_key] as string;
  const flags = Number(row[k.flags]);
  group.internal = (flags & BIT.internal) !== 0;
  group.hidden = (flags & BIT.hidden) !== 0;
  group.open = (flags & BIT.open) !== 0;
  group.public = (flags & BIT.public) !== 0;
  group.restricted = (flags & BIT.restricted) !== 0;
  group.system = (flags & BIT.system) !== 0;
  group.builtIn = (row[k.built_in] as BuiltInGroup | null) ?? null;
  group.maxMembers = maxMembers === null || maxMembers === undefined ? null : Number(maxMembers);
  return group;
}

/** Reads back the 'listed' columns of `groupColumnsSql` under `prefix`. */
function listedGroupFromRow(row: Record<string, unknown>, prefix: string): ListedGroup {
  return readListed(row, keysOf(prefix), new GroupEntity());
}

/** Reads back the 'full' columns of `groupColumnsSql` under `prefix`. */
export function groupFromRow(row: Record<string, unknown>, prefix: string): GroupEntity {
  const k = keysOf(prefix);
  const metadata = row[k.metadata];
  const group = readListed(row, k, new GroupEntity());
  group.description = row[k.description] as string;
  group.shareable = row[k.shareable] as Shareable;
  // simple-json: stored as text in both dialects.
  group.metadata = typeof metadata === 'string' ? (JSON.parse(metadata) as GroupEntity['metadata']) : ((metadata ?? {}) as GroupEntity['metadata']);
  group.source = row[k.source] as GroupSource;
  group.createdById = (row[k.created_by_id] as string | null) ?? null;
  group.createdAt = toDate(row[k.created_at])!;
  group.updatedAt = toDate(row[k.updated_at])!;
  return group;
}

/** Reads back the columns of `groupColumnsSql` under `prefix`, as `columns` chose them. */
export function groupOfRow(row: Record<string, unknown>, prefix: string, columns: GroupColumns): ListedGroup {
  return columns === 'full' ? groupFromRow(row, prefix) : listedGroupFromRow(row, prefix);
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
