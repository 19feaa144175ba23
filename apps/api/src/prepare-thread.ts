import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { bootstrap } from './bootstrap';
import { guardProcess } from './common/process-guards';
import { loadConfig } from './config';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createServices } from './services';
import { reportStartFailure } from './threads';

/**
 * The database made ready (prepare.ts starts this file as a thread): the migrations and the
 * start-up invariants (bootstrap.ts), on a connection of its own. Answers `prepared` once its
 * connection is closed, and ends.
 */
async function run(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config).child({ thread: 'prepare' });
  guardProcess(log);
  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  log.info({ database: config.database.dialect, where }, 'opening database and applying migrations');
  const dataSource = await openDatabase(config.database, { migrate: true, poolSize: 1 });
  try {
    const db = new Db(dataSource, { guard: config.nodeEnv !== 'production' });
    await bootstrap(db, createServices({ config, db, log }), config, log);
  } finally {
    await dataSource.destroy();
  }
  parentPort!.postMessage('prepared');
}

run().catch(reportStartFailure);
