import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs hand-written SQL (for hot paths) with TypeORM's own parameter handling: `:name` for a value,
 * `:...name` for a list, placeholders and value conversion (dates, booleans) per dialect.
 *
 * With a `statement` name, PostgreSQL runs it as a named prepared statement: each pooled connection
 * plans it once and reuses the plan (the hot queries plan in more time than they execute). Only
 * for SQL whose text never varies with the parameters, and never inside a transaction (the pool
 * hands out its own connection).
 */
export async function rawQuery<T>(manager: EntityManager, sql: string, params: Record<string, unknown>, statement?: string): Promise<T[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  const pool = (manager.connection.driver as unknown as { master?: PgPool }).master;
  if (statement && pool && manager.connection.options.type === 'postgres' && !manager.queryRunner?.isTransactionActive) {
    return (await pool.query({ name: statement, text: query, values })).rows as T[];
  }
  return (await manager.query(query, values)) as T[];
}

/** A prepared statement's name for SQL assembled from a few variants: one name per distinct text. */
export function statementName(prefix: string, sql: string): string {
  return `${prefix}_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
}
