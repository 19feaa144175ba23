import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/harness';
import { levelFactsCoalesced, NOBODY } from '../modules/access/access.repository';
import { UserEntity } from '../modules/users/user.entity';
import { openDatabase } from './data-source';
import { Db } from './db';
import { rawQuery } from './raw-sql';
import { TransactionMisuseError, transactionMisuses } from './transaction-guard';

// The guard (transaction-guard.ts) on its own database: it must refuse every way a transaction's
// flow can reach past `tx`, and nothing else. (startTestApp turns it on for every other test.)

let dataSource: DataSource;
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  // Two connections: a refused statement must be refused, not merely hang on a pool of one.
  dataSource = await openDatabase(database.db, { poolSize: 2 });
  db = new Db(dataSource, { guard: true });
});
afterAll(async () => {
  await dataSource.destroy();
  await drop();
});

const inTransaction = <T>(work: () => Promise<T>) => db.transaction(() => work());

describe('transaction guard', () => {
  it.each([
    ['a read through db.manager', () => db.manager.countBy(UserEntity, {})],
    ['a query builder without tx', () => db.manager.createQueryBuilder(UserEntity, 'u').getCount()],
    ['a repository', () => dataSource.getRepository(UserEntity).count()],
    ['a raw query on the data source', () => dataSource.query('SELECT 1')],
    ['a named statement on the pool', () => rawQuery(db.manager, 'SELECT 1 AS "one"', {}, 'gh_guard_test')],
    ['a coalesced read', () => levelFactsCoalesced(db.manager, NOBODY, NOBODY)],
    ['a nested db.transaction', () => db.transaction(async (tx) => tx.countBy(UserEntity, {}))],
  ])('refuses %s inside a transaction', async (_what, misuse) => {
    const before = transactionMisuses(dataSource).length;
    await expect(inTransaction(misuse)).rejects.toBeInstanceOf(TransactionMisuseError);
    expect(transactionMisuses(dataSource).length).toBe(before + 1);
    // The same read is fine outside a transaction, and the pool was not left holding a connection.
    await expect(misuse()).resolves.toBeDefined();
  });

  it('lets the transaction read and write through tx, with named statements sent as plain ones', async () => {
    const result = await db.transaction(async (tx) => {
      const [count, rows] = await Promise.all([tx.countBy(UserEntity, {}), rawQuery<{ one: number }>(tx, 'SELECT 1 AS "one"', {}, 'gh_guard_test')]);
      return { count, one: Number(rows[0]?.one) };
    });
    expect(result).toEqual({ count: expect.any(Number), one: 1 });
  });

  it('leaves other flows alone while a transaction is open, and work a transaction left behind once it settled', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let later: (() => Promise<number>) | null = null;
    const open = db.transaction(async (tx) => {
      later = () => db.manager.countBy(UserEntity, {});
      await held;
      return tx.countBy(UserEntity, {});
    });
    // Another request's read while the transaction is open.
    await expect(db.manager.countBy(UserEntity, {})).resolves.toEqual(expect.any(Number));
    release();
    await open;
    // Started in the transaction's flow, run after its callback settled: no longer inside it.
    await expect(later!()).resolves.toEqual(expect.any(Number));
  });
});
