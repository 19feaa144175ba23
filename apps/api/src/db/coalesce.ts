import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { refuseInTransaction } from './transaction-guard';

/**
 * Cross-request coalescing of one hot read: the keys that requests ask for while the event loop
 * handles one round of sockets go to the database as ONE statement, run when that round is done
 * (`setImmediate`). Under load, every database round trip costs the server a socket write and a
 * wake-up of a PostgreSQL backend — on a 2-core machine, more than the query itself — so N
 * concurrent checks become one statement instead of N.
 *
 * Nothing is cached (`cache: false`): the statement is sent after every request in the batch
 * arrived, so each one sees a state at least as new as its own arrival — a revocation committed
 * before a request arrives is seen by it, exactly as without coalescing. A batch function answers
 * every key on its own (a missing row is a value, not an error), so requests never fail together
 * for one another's input; only a failing statement fails its whole batch.
 *
 * One coalescer per data source and name (a process may hold several databases, as the tests do).
 *
 * Never from inside a transaction: the batch runs on a pooled connection of its own, so a
 * transaction awaiting it holds one connection while waiting for another (transaction-guard.ts
 * refuses it here, whichever request's flow the batch would run in).
 */
const registry = new WeakMap<DataSource, Map<string, DataLoader<unknown, unknown>>>();

/** The largest batch: beyond it the statement's own cost grows faster than the round trips saved. */
const MAX_BATCH = 128;

export function coalescer<K, V>(dataSource: DataSource, name: string, load: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  refuseInTransaction(dataSource, `The coalesced read ${name}`);
  let loaders = registry.get(dataSource);
  if (!loaders) registry.set(dataSource, (loaders = new Map()));
  let loader = loaders.get(name);
  if (!loader) {
    loader = new DataLoader<unknown, unknown>((keys) => load(keys as readonly K[]), {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (flush) => setImmediate(flush),
    });
    loaders.set(name, loader);
  }
  return loader as DataLoader<K, V>;
}
