import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/harness';
import { UserEntity } from '../modules/users/user.entity';
import { openDatabase } from './data-source';
import { Db } from './db';
import { independentReads } from './independent-reads';

// pg 8 queues a statement sent while its client is busy and warns that pg 9 will not: inside a
// transaction (one client) independent reads go in turn; outside one each takes its own pooled
// connection. And any deprecation warning fails the tests (vitest.config.ts).

let dataSource: DataSource;
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  dataSource = await openDatabase(database.db, { poolSize: 3 });
  db = new Db(dataSource, { guard: true });
});
afterAll(async () => {
  await dataSource.destroy();
  await drop();
});

/** Three reads that log when each starts and ends. */
function loggedReads(read: () => Promise<number>) {
  const log: string[] = [];
  const one = (i: number) => async () => {
    log.push(`start ${i}`);
    const n = await read();
    log.push(`end ${i}`);
    return n;
  };
  return { log, reads: [one(0), one(1), one(2)] as const };
}

describe('independent reads', () => {
  it('inside a transaction: awaited in turn, each after the one before it ended', async () => {
    const { log, reads } = await db.transaction(async (tx) => {
      const logged = loggedReads(() => tx.countBy(UserEntity, {}));
      expect(await independentReads(tx, logged.reads)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
      return logged;
    });
    expect(reads).toHaveLength(3);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('outside a transaction: sent together (each on a pooled connection of its own)', async () => {
    const { log, reads } = loggedReads(() => db.manager.countBy(UserEntity, {}));
    await independentReads(db.manager, reads);
    expect(log.slice(0, 3)).toEqual(['start 0', 'start 1', 'start 2']);
  });

  it('a deprecation warning fails the test run, here and in every server a test starts', () => {
    // In this worker Node throws it (on the next tick: an uncaught error that fails the run).
    expect(process.throwDeprecation).toBe(true);
    // Spawned servers inherit NODE_OPTIONS: a deprecated call ends the process.
    // (spawnSync passes this process's environment on, as the test harness does to its servers.)
    const child = spawnSync(process.execPath, ['-e', "require('node:util').deprecate(() => {}, 'a deprecated probe')(); setTimeout(() => {}, 100)"], { encoding: 'utf8' });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain('DeprecationWarning: a deprecated probe');
  });
});
