import { startThread } from './threads';

/**
 * Applies the migrations and the start-up invariants in a thread that ends when they are done
 * (prepare-thread.ts), before a server opens its own connections; rejects with the thread's error
 * (the database's own, for a database it cannot open or migrate).
 *
 * Why a thread: V8 decides per allocation site whether new objects are allocated straight into
 * the old generation, from how earlier objects of that site survived, and keeps the decision for
 * the isolate's life. A long migration run through TypeORM and the driver taught sites that
 * requests use too to allocate there: a server that had migrated a fresh database then promoted
 * every page's rows and paid for them in mark-compacts until it restarted, and so did the
 * background work that had migrated (docs/performance.md, "Start-up work in a thread of its
 * own"). The thread's isolate, with its heap and its decisions, goes when it ends.
 */
export async function prepareDatabase(): Promise<void> {
  const worker = await startThread('prepare-thread', 'prepared');
  // Its work is done and its connection closed; it ends once its last log lines are out. Should
  // something keep its event loop alive, it is ended rather than waited for.
  const exited = new Promise((resolve) => (worker.threadId === -1 ? resolve(null) : worker.once('exit', resolve)));
  const linger = setTimeout(() => void worker.terminate(), LINGER_MS);
  await exited;
  clearTimeout(linger);
}

/** How long the thread may take to end after `prepared`. */
const LINGER_MS = 5_000;
