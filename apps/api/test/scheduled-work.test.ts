import fs from 'node:fs';
import { In, IsNull, Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/data-source';
import { Db } from '../src/db/db';
import { transactionMisuses } from '../src/db/transaction-guard';
import { createLogger } from '../src/logger';
import { MembershipEntity } from '../src/modules/memberships/membership.entity';
import { SweeperService, type SweepResult } from '../src/modules/sweeper/sweeper.service';
import { createServices } from '../src/services';
import { createDatabase, dropDatabase, scratchName } from '../scripts/lib/pg-admin';
import { built, healthy, startBuiltServer, stopAll, until, type BuiltServer } from './built-servers';
import { expectSweptOnce, seedExpiringMemberships } from './expiring-memberships';
import { startTestApp, type TestApp } from './harness';
import './provided';

/**
 * Once per deployment (SPEC §16): however many sweep the same expired and expiring memberships
 * at the same moment, each warning, each removal and each step of the cascade a removal sets off
 * happens once — not once per sweeper or server.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';
const MEMBERS = 60;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('three sweepers at the same moment, pass after pass', () => {
  const PASSES = 4;
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  // On PostgreSQL each has its own data source and pool, as separate servers do, so their
  // transactions truly overlap; each has one connection and the transaction guard on, so a sweep
  // that read outside its transaction while holding it fails instead of waiting. On SQLite (one
  // process) they share its one Db.
  async function threeSweepers(): Promise<{ sweepers: SweeperService[]; close: () => Promise<void> }> {
    if (app.config.database.dialect === 'sqlite') {
      return { sweepers: [0, 1, 2].map(() => new SweeperService(app.services.db, app.services.memberships)), close: async () => {} };
    }
    const sources = await Promise.all([0, 1, 2].map(() => openDatabase(app.config.database, { migrate: false, poolSize: 1 })));
    const log = createLogger(app.config);
    return {
      sweepers: sources.map((ds) => createServices({ config: app.config, db: new Db(ds, { guard: true }), log }).sweeper),
      close: async () => {
        await Promise.all(sources.map((ds) => ds.destroy()));
        for (const ds of sources) expect(transactionMisuses(ds)).toEqual([]);
      },
    };
  }

  it('each removal (audit row, notice, cascade) and each warning happens once', async () => {
    const seeded = await seedExpiringMemberships(app.dataSource.manager, {
      users: MEMBERS,
      expiresAt: [new Date(Date.now() - 2 * HOUR), new Date(Date.now() - HOUR)],
    });
    const { sweepers, close } = await threeSweepers();
    try {
      const done = await Promise.all(
        sweepers.map(async (sweeper) => {
          const total: SweepResult = { ended: 0, warned: 0, grantsWarned: 0 };
          for (let pass = 0; pass < PASSES; pass++) {
            const result = await sweeper.run();
            total.ended += result.ended;
            total.warned += result.warned;
          }
          return total;
        }),
      );
      await expectSweptOnce(app.dataSource.manager, seeded, { expiringWarned: false });
      // What they report adds up to the work, once: two memberships ended and two warned per member.
      expect(done.reduce((sum, d) => sum + d.ended, 0)).toBe(MEMBERS * 2);
      expect(done.reduce((sum, d) => sum + d.warned, 0)).toBe(MEMBERS * 2);
    } finally {
      await close();
    }
  });
});

// Several servers need PostgreSQL (SQLite's file belongs to one process).
if (isPostgres) describe('three built servers sweeping one PostgreSQL database every second', () => {
  const template = inject('templateDatabase');
  if (template.dialect !== 'postgres') throw new Error('PostgreSQL expected');
  const name = scratchName('gatehouse_sweep');
  const running: BuiltServer[] = [];

  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all(running.map((s) => s.exited));
    await dropDatabase(template.adminUrl, name);
  });

  it('is built (pnpm test builds before it runs the suites)', () => {
    expect(fs.existsSync(built), `${built} is missing: run \`pnpm build\` first`).toBe(true);
  });

  it('warns of each membership and ends each once, while all three sweep', async () => {
    const url = await createDatabase(template.adminUrl, name, template.template);
    const servers = await Promise.all([0, 1, 2].map(() => startBuiltServer(url, { SWEEP_INTERVAL_SECONDS: '1' })));
    running.push(...servers);
    await Promise.all(servers.map((s) => healthy(s)));

    const dataSource = await openDatabase({ dialect: 'postgres', url }, { migrate: false, poolSize: 2 });
    try {
      const m = dataSource.manager;
      const tomorrow = new Date(Date.now() + DAY);
      const seeded = await seedExpiringMemberships(m, { users: MEMBERS, expiresAt: [tomorrow, tomorrow] });
      const ours = { userId: In(seeded.userIds) };

      // Within the warning days: every member is warned of every membership that has an expiry.
      await until('every warning', async () => (await m.countBy(MembershipEntity, { ...ours, expiresAt: Not(IsNull()), expiryWarnedAt: IsNull() })) === 0);
      // Then two expire while the servers sweep. The one granting groups.request goes last, so its
      // removal sets off the cascade (the other's alone would not).
      const [requesters, project] = seeded.expiring;
      await m.query(`UPDATE membership SET expires_at = now() + interval '1 second' WHERE group_id = $1`, [project!.id]);
      await m.query(`UPDATE membership SET expires_at = now() + interval '2 seconds' WHERE group_id = $1`, [requesters!.id]);
      const gone = [...seeded.expiring, seeded.kept].map((g) => g.id);
      await until('every removal', async () => (await m.countBy(MembershipEntity, { ...ours, groupId: In(gone) })) === 0);
      // A few more sweeps by every server: work done twice would show now.
      await new Promise((r) => setTimeout(r, 3_000));
      await stopAll(servers);
      expect(servers.map((s) => s.child.exitCode)).toEqual([0, 0, 0]);

      await expectSweptOnce(m, seeded, { expiringWarned: true });
      // Nor did a sweep fail on another's work (a deadlock over the same member's rows, say).
      for (const s of servers) expect(s.output()).not.toContain('sweeper failed');
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);
});
