import { parentPort } from 'node:worker_threads';
import { openThreadContext } from './thread-context';
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
  // An uncaught exception ends the thread with code 1, and the server stops with it (background.ts).
  const { config, log, dataSource, services } = await openThreadContext('background', { migrate: false, poolSize: 2 });
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
