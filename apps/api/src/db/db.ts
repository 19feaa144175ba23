import type { DataSource, EntityManager } from 'typeorm';
import { guardTransactions, isGuarded, markedTransaction, refuseInTransaction } from './transaction-guard';

export interface DbOptions {
  /**
   * Refuse any statement a transaction's flow sends outside its `tx` (transaction-guard.ts): on in
   * tests and development, off in production, where it would cost every request.
   */
  guard?: boolean;
}

/**
 * The database as services see it: one explicit transaction per mutation, passed down as `tx`.
 *
 * SQLite (better-sqlite3) has one connection per process, and TypeORM would turn a second
 * concurrent `transaction()` into a savepoint *inside* the first — two requests' writes mixed in
 * one transaction. So on SQLite transactions queue behind a process-wide lock and run one at a
 * time (SQLite serializes writers anyway). PostgreSQL runs them concurrently; races there are
 * settled by row locks and unique constraints.
 *
 * Inside `work`, every statement goes through `tx`: a read through `manager` (or anything built on
 * it) would wait for a second pooled connection while holding the first, and enough such
 * requests at once hold every connection and wait forever. The guard turns that into an error.
 */
/**
 * Work every transaction does last, before it commits (`before`: the event outbox writes the
 * transaction's events), and what follows a commit that `before` said mattered (`after`: wake the
 * deliverers and subscribers of this process).
 */
export interface CommitHooks {
  before: (tx: EntityManager) => Promise<boolean>;
  after: () => void;
}

export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  private hooks: CommitHooks | null = null;

  constructor(
    readonly dataSource: DataSource,
    options: DbOptions = {},
  ) {
    if (options.guard) guardTransactions(dataSource);
  }

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** The non-transactional manager, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Installs the commit hooks (the composition root does, once). */
  onCommit(hooks: CommitHooks): void {
    this.hooks = hooks;
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const hooks = this.hooks;
    if (!hooks) return this.run(work);
    let signal = false;
    const result = await this.run(async (tx) => {
      const value = await work(tx);
      signal = await hooks.before(tx);
      return value;
    });
    if (signal) hooks.after();
    return result;
  }

  private run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (isGuarded(this.dataSource)) {
      // Nested, it would wait for a second connection (PostgreSQL) or behind itself in the queue (SQLite).
      refuseInTransaction(this.dataSource, 'Another db.transaction');
      work = markedTransaction(this.dataSource, work);
    }
    // READ COMMITTED: each connection's default, set when it opens (data-source.ts) — naming it
    // here would cost a `SET TRANSACTION` statement per transaction.
    if (this.dialect === 'postgres') return this.dataSource.transaction(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A row lock where the dialect has it (SQLite's single writer already excludes others).
   * `FOR NO KEY UPDATE`, not `FOR UPDATE`: two such locks still exclude each other (and a DELETE),
   * but not the `FOR KEY SHARE` a foreign-key check takes. With `FOR UPDATE`, two transactions that
   * each locked a group and inserted a row naming the other (setGroupLeaders G1 ← G2, G2 ← G1)
   * waited on each other until PostgreSQL broke the deadlock by failing one.
   */
  lockClause(): 'for_no_key_update' | undefined {
    return this.dialect === 'postgres' ? 'for_no_key_update' : undefined;
  }

  /**
   * Find options that claim the rows read for this transaction, passing over rows another
   * transaction holds (`FOR NO KEY UPDATE SKIP LOCKED`): for work any server may do but only one
   * must (the expiry sweep). Whoever holds a row does it; the others neither wait nor do it again.
   * SQLite: none — its transactions run one at a time (above), so a re-check inside one is a claim.
   */
  claimLock(): { mode: 'for_no_key_update'; onLocked: 'skip_locked' } | undefined {
    return this.dialect === 'postgres' ? { mode: 'for_no_key_update', onLocked: 'skip_locked' } : undefined;
  }
}
