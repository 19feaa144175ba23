import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for hot paths, portable across both dialects. Write `:ids` for a list of
 * `count` placeholders and `:now` for a timestamp; parameters are passed in order of appearance.
 */
export function dialectSql(manager: EntityManager, sql: string, count: number): string {
  const postgres = manager.connection.options.type === 'postgres';
  let n = 0;
  const next = () => (postgres ? `$${++n}` : '?');
  return sql.replace(/:ids|:now/g, (token) => (token === ':ids' ? Array.from({ length: count }, next).join(', ') : next()));
}

/** Timestamps as each driver stores them (SQLite: TypeORM's UTC text format). */
export function sqlDate(manager: EntityManager, date: Date): Date | string {
  if (manager.connection.options.type === 'postgres') return date;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
