import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Refuses, loudly, any statement that a flow holding an open transaction sends through anything
 * but that transaction's own connection: `db.manager`, a repository, a loader, the access cache,
 * the coalescer (coalesce.ts), a named statement on the pool (raw-sql.ts), or a second
 * `db.transaction`.
 *
 * Why it matters: on PostgreSQL such a statement waits for a second pooled connection while the
 * transaction keeps its first. When as many requests do it at once as the pool has connections,
 * each holds one and waits for another: every connection sits "idle in transaction" and the server
 * answers nothing, `/healthz` included, until restarted. On SQLite the same code does not hang
 * (one connection, so it reads inside the transaction), but a nested `db.transaction` waits on
 * Db's queue behind itself forever — and the code must be right for both dialects.
 *
 * How: Db.transaction marks its callback's async flow (AsyncLocalStorage) as holding a
 * transaction of this data source until the callback settles, and every way a statement can take
 * a connection of its own — TypeORM's `createQueryRunner` (every manager, repository and query
 * builder without a transaction of its own) and the pg pool's `connect` (also under `pool.query`)
 * — asks whether the calling flow holds one. Statements through `tx` never ask: they reuse the
 * transaction's query runner.
 *
 * On in tests and development, off in production (Db's `guard` option, main.ts). On Node 20,
 * AsyncLocalStorage propagates its store through an async hook that runs for EVERY promise the
 * process creates once the first `run()` has happened — the hot read paths (checkAccess, resource
 * pages) included, although they never open a transaction. That is a cost on every request to
 * catch a programming error that every test run already catches: the whole API suite runs with
 * the guard on, against both dialects, and the concurrency tests run with the pool at one
 * connection, where any such statement hangs at once. With the guard off nothing here is installed
 * and the only residue is the coalescer's check of one module variable.
 */

interface Flow {
  dataSource: DataSource;
  /** False once the transaction's callback has settled: work it started and left behind is free. */
  open: boolean;
}

let flows: AsyncLocalStorage<Flow> | null = null;
const guarded = new WeakSet<DataSource>();
const misuses = new WeakMap<DataSource, Error[]>();

export class TransactionMisuseError extends Error {
  constructor(what: string) {
    super(
      `${what} was requested while this async flow holds an open transaction: inside db.transaction(...), ` +
        'read and write through the transaction manager (tx) only — never db.manager, a repository, a loader, ' +
        'the access cache or the coalescer, and never a nested db.transaction.',
    );
    this.name = 'TransactionMisuseError';
  }
}

/**
 * Installs the checks on this data source (once; call after it is initialized, so the pool
 * exists). Both entry points are wrapped on the instance, so other data sources are untouched.
 */
export function guardTransactions(dataSource: DataSource): void {
  if (guarded.has(dataSource)) return;
  guarded.add(dataSource);
  flows ??= new AsyncLocalStorage<Flow>();
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    refuseInTransaction(dataSource, 'A query runner of its own (db.manager, a repository or a query builder without tx)');
    return createQueryRunner(mode);
  };
  const pool = (dataSource.driver as unknown as { master?: { connect: (...args: unknown[]) => unknown } }).master;
  if (pool) {
    const connect = pool.connect.bind(pool);
    pool.connect = (...args: unknown[]) => {
      refuseInTransaction(dataSource, 'A second pooled connection');
      return connect(...args);
    };
  }
}

/** Whether this data source's transactions are guarded (Db asks, to mark its callbacks' flows). */
export function isGuarded(dataSource: DataSource): boolean {
  return guarded.has(dataSource);
}

/** `work` as Db.transaction runs it under the guard: its flow holds a transaction until it settles. */
export function markedTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): (tx: EntityManager) => Promise<T> {
  return (tx) => {
    const flow: Flow = { dataSource, open: true };
    return flows!.run(flow, async () => {
      try {
        return await work(tx);
      } finally {
        flow.open = false;
      }
    });
  };
}

/**
 * Throws TransactionMisuseError if the calling flow holds an open transaction of `dataSource`
 * (and remembers it, so a caller that swallows the error still fails the test run: the harness
 * reads `transactionMisuses` when it closes). Free when the guard is off.
 */
export function refuseInTransaction(dataSource: DataSource, what: string): void {
  const flow = flows?.getStore();
  if (!flow?.open || flow.dataSource !== dataSource) return;
  const error = new TransactionMisuseError(what);
  misuses.set(dataSource, [...(misuses.get(dataSource) ?? []), error]);
  throw error;
}

/** Every misuse refused on this data source so far. */
export function transactionMisuses(dataSource: DataSource): readonly Error[] {
  return misuses.get(dataSource) ?? [];
}
