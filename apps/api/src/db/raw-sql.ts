import type { EntityManager } from 'typeorm';

/**
 * Runs hand-written SQL (for hot paths) with TypeORM's own parameter handling: `:name` for a value,
 * `:...name` for a list, placeholders and value conversion (dates, booleans) per dialect.
 */
export async function rawQuery<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return (await manager.query(query, values)) as T[];
}
