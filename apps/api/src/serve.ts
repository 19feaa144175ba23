import type { Logger } from 'pino';
import { startBackgroundThread } from './background';
import type { ProcessGuards } from './common/process-guards';
import type { Config } from './config';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createSchema } from './schema';
import { startServer } from './server';
import { createServices } from './services';

/**
 * Serves HTTP from this process until a signal. Alone, it also migrates and bootstraps (`prepared`,
 * started by main.ts) and sweeps; a worker leaves those to its primary.
 */
export async function serve(config: Config, log: Logger, role: 'alone' | 'worker', guards: ProcessGuards, prepared: Promise<void> | null): Promise<void> {
  const alone = role === 'alone';
  // Alone, this process also migrates and bootstraps, in a thread that ends when they are done
  // (prepare.ts: their allocations stay out of the threads that serve and send), while this one
  // builds the schema; then it sweeps and sends the outbox: on PostgreSQL in a thread of its own
  // (background.ts), started before the server answers, so that a healthy server is one that
  // delivers; on SQLite here, below — one connection, one transaction at a time (db.ts).
  const [, schema] = await Promise.all([prepared, createSchema()]);
  let backgroundFailed = (): void => process.exit(1); // before serving there is nothing to drain
  const [background, dataSource] = await Promise.all([
    alone && config.database.dialect === 'postgres' ? startBackgroundThread(log, () => backgroundFailed()) : null,
    openDatabase(config.database, { migrate: false, poolSize: config.dbPoolSize }),
  ]);
  // The transaction guard costs every request in production (db/transaction-guard.ts); tests and development keep it on.
  const guard = config.nodeEnv !== 'production';
  const db = new Db(dataSource, { guard });
  const services = createServices({ config, db, log });
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
