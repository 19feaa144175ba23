import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { soloLink } from './cluster/link';
import { runPrimary } from './cluster/primary';
import { workerLink } from './cluster/worker-link';
import { ConfigError, loadConfig, type Config } from './config';
import { bootstrap } from './bootstrap';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { forgetSettings } from './modules/settings/settings.repository';
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
  const log = createLogger(config);
  if (cluster.isWorker) return serve(config, log.child({ worker: cluster.worker!.id }), 'worker');
  if (config.workers > 1) return runPrimary(config, log, __filename);
  return serve(config, log, 'alone');
}

/**
 * Serves HTTP from this process until a signal. Alone, it also migrates, bootstraps and sweeps;
 * a worker leaves those to its primary and shares the rest through its link.
 */
async function serve(config: Config, log: Logger, role: 'alone' | 'worker'): Promise<void> {
  const alone = role === 'alone';
  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  if (alone) log.info({ database: config.database.dialect, where }, 'opening database and applying migrations');
  const dataSource = await openDatabase(config.database, { migrate: alone });
  const db = new Db(dataSource);
  const link = alone ? soloLink() : workerLink(() => forgetSettings(dataSource));
  const services = createServices({ config, db, log, link });
  if (alone) await bootstrap(db, services, config, log);
  const schema = await createSchema();
  const server = await startServer({ config, schema, services, log }, config.port, config.host);
  if (alone) {
    services.sweeper.start(log.child({ component: 'sweeper' }));
    log.info({ port: server.port }, `Gatehouse listening on http://localhost:${server.port}`);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    // If draining hangs (a stuck client), leave anyway after the grace period.
    setTimeout(() => {
      log.warn('shutdown grace period passed; exiting');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    services.sweeper.stop();
    server
      .stop()
      .then(() => dataSource.destroy())
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Gatehouse failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
