import type { DataSource, EntityManager } from 'typeorm';

/**
 * The database as services see it: one explicit transaction per mutation, passed down as `tx`.
 *
 * SQLite (better-sqlite3) has one connection per process, and TypeORM would turn a second
 * concurrent `transaction()` into a savepoint *inside* the first — two requests' writes mixed in
 * one transaction. So on SQLite transactions queue behind a process-wide lock and run one at a
 * time (SQLite serializes writers anyway). PostgreSQL runs them concurrently; races there are
 * settled by row locks and unique constraints.
 */
export class Db {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** The non-transactional manager, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.dataSource.transaction('READ COMMITTED', work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `FOR UPDATE` where the dialect has it (SQLite's single writer already excludes others). */
  lockClause(): 'pessimistic_write' | undefined {
    return this.dialect === 'postgres' ? 'pessimistic_write' : undefined;
  }
}
