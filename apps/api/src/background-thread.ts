import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { bootstrap } from './bootstrap';
import { guardProcess } from './common/process-guards';
import { loadConfig } from './config';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createServices } from './services';

/**
 * The background work of a server alone on PostgreSQL (background.ts starts this file as a
 * thread): first the migrations and the start-up invariants, then the expiry sweeper and the
 * outbox's sender, on a pool of their own and an event loop of their own, as the cluster primary
 * runs them for its workers. They hear of the request thread's commits through NOTIFY
 * (event-signals.ts), as the primary hears its workers'. It answers `started` once the database is
 * ready and the work runs. Told `stop`, it finishes the sweep or delivery in progress, closes its
 * pool and answers `stopped`.
 */
async function run(): Promise<void> {
  const port = parentPort!;
  const config = loadConfig();
  const log = createLogger(config).child({ thread: 'background' });
  // An unhandled rejection is logged and the work goes on; an uncaught exception ends the thread
  // with code 1, and the server stops with it (background.ts).
  guardProcess(log);
  log.info({ database: config.database.dialect }, 'opening database and applying migrations');
  const dataSource = await openDatabase(config.database, { migrate: true, poolSize: 2 });
  const db = new Db(dataSource, { guard: config.nodeEnv !== 'production' });
  const services = createServices({ config, db, log });
  await bootstrap(db, services, config, log);
  await services.signals.start(log.child({ component: 'events' }));
  services.sweeper.start(log.child({ component: 'sweeper' }), config.sweepIntervalSeconds * 1000);
  services.outbound.start(log.child({ component: 'outbound' }));
  port.once('message', (message: unknown) => {
    if (message !== 'stop') return;
    Promise.all([services.sweeper.stop(), services.outbound.stop(), services.signals.stop()])
      .then(() => dataSource.destroy())
      .then(() => port.postMessage('stopped'))
      .catch((error: unknown) => {
        log.error({ err: error }, 'error while stopping the background work');
        port.postMessage('stopped');
      });
  });
  port.postMessage('started');
}

run().catch((error: unknown) => {
  // Before `started` (run() has not finished): the migrations, the invariants or the work could
  // not start. The request thread rejects with this error and the server does not start.
  parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
