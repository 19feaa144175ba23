import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { bootstrap } from './bootstrap';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createSchema } from './schema';
import { startServer } from './server';
import { createServices } from './services';

/** Entry: config → database (migrated) → services → one-port server. */
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
  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  log.info({ database: config.database.dialect, where }, 'opening database and applying migrations');
  const dataSource = await openDatabase(config.database);
  const db = new Db(dataSource);
  const services = createServices({ config, db, log });
  await bootstrap(db, services, config, log);
  const schema = await createSchema();
  const server = await startServer({ config, schema, services, log }, config.port, config.host);
  services.sweeper.start(log.child({ component: 'sweeper' }));
  log.info({ port: server.port }, `Gatehouse listening on http://localhost:${server.port}`);

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
