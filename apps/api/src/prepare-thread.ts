import { parentPort } from 'node:worker_threads';
import { bootstrap } from './bootstrap';
import { openThreadContext } from './thread-context';
import { reportStartFailure } from './threads';

/**
 * The database made ready (prepare.ts starts this file as a thread): the migrations and the
 * start-up invariants (bootstrap.ts), on a connection of its own. Answers `prepared` once its
 * connection is closed, and ends.
 */
async function run(): Promise<void> {
  const { config, log, dataSource, db, services } = await openThreadContext('prepare', { migrate: true, poolSize: 1 });
  try {
    await bootstrap(db, services, config, log);
  } finally {
    await dataSource.destroy();
  }
  parentPort!.postMessage('prepared');
}

run().catch(reportStartFailure);
