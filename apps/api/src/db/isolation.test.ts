import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/harness';
import type { DatabaseConfig } from '../config';
import { openDatabase } from './data-source';
import { Db } from './db';

// Every transaction relies on READ COMMITTED (db.ts). On PostgreSQL each connection makes it its
// default when it opens (data-source.ts), instead of a `SET TRANSACTION` per transaction: it must
// hold even where the database's own default says otherwise.

let config: DatabaseConfig;
let drop: () => Promise<void>;
let dataSource: DataSource | null = null;
beforeAll(async () => {
  const database = await createTestDatabase();
  config = database.db;
  drop = database.drop;
});
afterAll(async () => {
  await dataSource?.destroy();
  await drop();
});

it('runs every transaction READ COMMITTED, whatever the database\'s default', async () => {
  if (config.dialect === 'postgres') {
    const admin = await openDatabase(config, { poolSize: 1 });
    const name = (await admin.query('SELECT current_database() AS name'))[0].name as string;
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_isolation = 'serializable'`);
    await admin.destroy();
  }
  dataSource = await openDatabase(config, { poolSize: 1 });
  const db = new Db(dataSource);
  const seen = await db.transaction(async (tx) =>
    config.dialect === 'postgres'
      ? ((await tx.query('SHOW transaction_isolation'))[0].transaction_isolation as string)
      : // SQLite: one writer at a time and no dirty reads (read_uncommitted stays off).
        String((await tx.query('PRAGMA read_uncommitted'))[0].read_uncommitted),
  );
  expect(seen).toBe(config.dialect === 'postgres' ? 'read committed' : '0');
});
