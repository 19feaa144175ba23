import type { EntityManager } from 'typeorm';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { toDate } from '../../db/timestamp';
import { GroupEntity, type BuiltInGroup, type GroupSource, type Shareable } from './group.entity';

const COLUMNS = ['id', 'name', 'name_key', 'description', 'internal', 'hidden', 'open', 'public', 'restricted', 'system', 'built_in', 'shareable', 'max_members', 'metadata', 'source', 'created_by_id', 'created_at', 'updated_at'];

/** Every column of a group, for hand-written SQL (the directory page, the groups loader). */
export const groupColumnsSql = (alias: string, prefix: string): string => COLUMNS.map((c) => `${alias}.${c} AS "${prefix}${c}"`).join(', ');

const flag = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

/** Reads back the columns of `groupColumnsSql` under `prefix`. */
export function groupFromRow(row: Record<string, unknown>, prefix: string): GroupEntity {
  const metadata = row[`${prefix}metadata`];
  return Object.assign(new GroupEntity(), {
    id: row[`${prefix}id`] as string,
    name: row[`${prefix}name`] as string,
    nameKey: row[`${prefix}name_key`] as string,
    description: row[`${prefix}description`] as string,
    internal: flag(row[`${prefix}internal`]),
    hidden: flag(row[`${prefix}hidden`]),
    open: flag(row[`${prefix}open`]),
    public: flag(row[`${prefix}public`]),
    restricted: flag(row[`${prefix}restricted`]),
    system: flag(row[`${prefix}system`]),
    builtIn: (row[`${prefix}built_in`] as BuiltInGroup | null) ?? null,
    shareable: row[`${prefix}shareable`] as Shareable,
    maxMembers: row[`${prefix}max_members`] === null ? null : Number(row[`${prefix}max_members`]),
    // simple-json: stored as text in both dialects.
    metadata: typeof metadata === 'string' ? (JSON.parse(metadata) as GroupEntity['metadata']) : ((metadata ?? {}) as GroupEntity['metadata']),
    source: row[`${prefix}source`] as GroupSource,
    createdById: (row[`${prefix}created_by_id`] as string | null) ?? null,
    createdAt: toDate(row[`${prefix}created_at`])!,
    updatedAt: toDate(row[`${prefix}updated_at`])!,
  });
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
