import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { runPrimary } from './cluster/primary';
import { ConfigError, loadConfig, type Config } from './config';
import { startBackgroundThread } from './background';
import { bootstrap } from './bootstrap';
import { guardProcess, type ProcessGuards } from './common/process-guards';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createSchema } from './schema';
import { startServer } from './server';
import { createServices } from './services';

/**
 * Entry: config → database (migrated) → services → one-port server. With WORKERS > 1 this process
 * becomes the cluster's primary and the same file runs again in each worker (cluster/primary.ts).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const root = createLogger(config);
  const log = cluster.isWorker ? root.child({ worker: cluster.worker!.id }) : root;
  const guards = guardProcess(log);
  if (cluster.isWorker) return serve(config, log, 'worker', guards);
  if (config.workers > 1) return runPrimary(config, log, __filename, guards);
  return serve(config, log, 'alone', guards);
}

/**
 * Serves HTTP from this process until a signal. Alone, it also migrates, bootstraps and sweeps;
 * a worker leaves those to its primary.
 */
async function serve(config: Config, log: Logger, role: 'alone' | 'worker', guards: ProcessGuards): Promise<void> {
  const alone = role === 'alone';
  // Alone, this process also migrates, bootstraps, sweeps and sends the outbox: on PostgreSQL in
  // a thread of its own (background.ts), which migrates and bootstraps before this thread opens
  // the database and keeps the migrations' allocations out of the request thread's heap, and
  // which runs before the server answers, so that a healthy server is one that delivers; on
  // SQLite here — one connection, one transaction at a time (db.ts).
  let backgroundFailed = (): void => process.exit(1); // before serving there is nothing to drain
  const background = alone && config.database.dialect === 'postgres' ? await startBackgroundThread(log, () => backgroundFailed()) : null;
  const prepareHere = alone && !background;
  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  if (prepareHere) log.info({ database: config.database.dialect, where }, 'opening database and applying migrations');
  const dataSource = await openDatabase(config.database, { migrate: prepareHere, poolSize: config.dbPoolSize });
  // The transaction guard costs every request in production (db/transaction-guard.ts); tests and development keep it on.
  const guard = config.nodeEnv !== 'production';
  const db = new Db(dataSource, { guard });
  const services = createServices({ config, db, log });
  if (prepareHere) await bootstrap(db, services, config, log);
  const schema = await createSchema();
  const server = await startServer({ config, schema, services, log }, config.port, config.host);
  // Every process hears of commits elsewhere (its live subscriptions); one sends the outbox.
  await services.signals.start(log.child({ component: 'events' }));
  if (alone && !background) {
    services.sweeper.start(log.child({ component: 'sweeper' }), config.sweepIntervalSeconds * 1000);
    services.outbound.start(log.child({ component: 'outbound' }));
  }
  if (alone) log.info({ port: server.port }, `Gatehouse listening on http://localhost:${server.port}`);

  let stopping = false;
  /**
   * Drains and exits with `code` (0 after a signal, 1 after an uncaught exception). Nothing on
   * this path waits for the log: its destination never blocks (log-destination.ts).
   */
  const shutdown = (why: { signal: string } | { reason: string }, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info(why, 'shutting down: draining requests');
    // If draining hangs (a stuck client, a database that does not answer), leave anyway after
    // the grace period.
    setTimeout(() => {
      log.warn({ graceMs: config.shutdownGraceMs }, 'shutdown grace period passed; exiting with code 1');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    // A sweep or a delivery in progress finishes its transaction before the pool closes.
    Promise.all([server.stop(), services.sweeper.stop(), services.outbound.stop(), services.signals.stop(), background?.stop()])
      .then(() => dataSource.destroy())
      .then(() => {
        log.info({ code }, 'stopped');
        process.exit(code);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  backgroundFailed = () => shutdown({ reason: 'the background thread ended' }, 1);
  process.on('SIGTERM', () => shutdown({ signal: 'SIGTERM' }, 0));
  process.on('SIGINT', () => shutdown({ signal: 'SIGINT' }, 0));
  guards.stopWith(() => shutdown({ reason: 'uncaught exception' }, 1));
}

main().catch((error: unknown) => {
  process.stderr.write(`Gatehouse failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
