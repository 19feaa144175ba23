import 'reflect-metadata';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { guardProcess } from './common/process-guards';
import { loadConfig, type Config } from './config';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createServices, type Services } from './services';

/** What a thread of the server works with (prepare-thread.ts, background-thread.ts). */
export interface ThreadContext {
  config: Config;
  log: Logger;
  dataSource: DataSource;
  db: Db;
  services: Services;
}

/**
 * A thread's own configuration (read from the environment it shares with the process), logger
 * (its lines marked with `thread`), process guards and pool of `poolSize` connections, with the
 * services over it — as `serve.ts` builds them for the serving thread. An unhandled rejection is
 * logged and the work goes on; an uncaught exception ends the thread with code 1.
 */
export async function openThreadContext(thread: string, options: { migrate: boolean; poolSize: number }): Promise<ThreadContext> {
  const config = loadConfig();
  const log = createLogger(config).child({ thread });
  guardProcess(log);
  if (options.migrate) {
    const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
    log.info({ database: config.database.dialect, where }, 'opening database and applying migrations');
  }
  const dataSource = await openDatabase(config.database, options);
  // The transaction guard costs every request in production (db/transaction-guard.ts); tests and development keep it on.
  const db = new Db(dataSource, { guard: config.nodeEnv !== 'production' });
  return { config, log, dataSource, db, services: createServices({ config, db, log }) };
}
