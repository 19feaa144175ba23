import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { guardProcess } from './common/process-guards';
import { loadConfig } from './config';
import { openDatabase } from './db/data-source';
import { Db } from './db/db';
import { createLogger } from './logger';
import { createServices } from './services';
import { reportStartFailure } from './threads';

/**
 * The background work of a server alone on PostgreSQL (background.ts starts this file as a
 * thread): the expiry sweeper and the outbox's sender, on a pool of their own and an event loop of
 * their own, as the cluster primary runs them for its workers. They hear of the request thread's
 * commits through NOTIFY (event-signals.ts), as the primary hears its workers'. Told `stop`, it
 * finishes the sweep or delivery in progress, closes its pool and answers `stopped`.
 */
async function run(): Promise<void> {
  const port = parentPort!;
  const config = loadConfig();
  const log = createLogger(config).child({ thread: 'background' });
  // An unhandled rejection is logged and the work goes on; an uncaught exception ends the thread
  // with code 1, and the server stops with it (background.ts).
  guardProcess(log);
  const dataSource = await openDatabase(config.database, { migrate: false, poolSize: 2 });
  const services = createServices({ config, db: new Db(dataSource, { guard: config.nodeEnv !== 'production' }), log });
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

// Before `started`: the request thread rejects with this error and the server does not start.
run().catch(reportStartFailure);
