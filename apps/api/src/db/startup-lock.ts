import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Start-up work that must happen once however many servers start together (SPEC §16): applying
 * migrations and the first-start bootstrap. On PostgreSQL it runs under a session-level advisory
 * lock, so servers started at the same moment take turns: the first migrates and bootstraps, the
 * others wait, then find nothing left to do (both steps are idempotent) and serve. Without it, two
 * servers both saw a migration as pending and the loser exited on "already exists".
 *
 * The lock is held on a connection of its own, outside the pool: the work inside uses pooled
 * connections (TypeORM's migration runner takes one), and a pool of one must not wait on itself.
 * PostgreSQL releases a session lock when its connection ends, so a server killed mid-migration
 * never leaves the others waiting.
 *
 * SQLite is one process (the embedded file belongs to it), so there is nobody to take turns with.
 */
// Two 32-bit keys: Gatehouse's namespace and the start-up lock within it.
const NAMESPACE = 0x47617465; // "Gate"
const STARTUP = 1;

export async function underStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'postgres') return work();
  const client = new pg.Client({ connectionString: dataSource.options.url });
  await client.connect();
  // A broken lock connection must not crash the process; the work's own statements report it.
  client.on('error', () => undefined);
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [NAMESPACE, STARTUP]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
