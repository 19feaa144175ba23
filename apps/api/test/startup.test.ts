import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '@gatehouse/shared';
import { openDatabase } from '../src/db/data-source';
import { POSTGRES_MIGRATIONS } from '../src/db/migrations/postgres';
import { createDatabase, dropDatabase, scratchName, withDatabase } from '../scripts/lib/pg-admin';
import { built, healthy, startBuiltServer, stopAll, type BuiltServer } from './built-servers';
import { createTestDatabase } from './harness';
import './provided';

/**
 * Start-up as operators do it (SPEC §16): several built servers (`node dist/main.js`, what
 * `pnpm start` runs) started at the same moment on one PostgreSQL database, first empty, then
 * migrated. Each must come up healthy, and the migrations, the built-in groups and permissions and
 * the first admin must exist exactly once.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';
const ADMIN = { email: 'first-admin@example.org', password: 'correct horse battery staple' };
const startServer = (url: string) => startBuiltServer(url, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      migrations: await one('SELECT count(*) AS n FROM "migrations"'),
      distinctMigrations: await one('SELECT count(DISTINCT "name") AS n FROM "migrations"'),
      admins: await one(`SELECT count(*) AS n FROM "user_account" WHERE "is_admin"`),
      builtInGroups: await one(`SELECT count(*) AS n FROM "user_group" WHERE "built_in" IS NOT NULL`),
      builtInPermissions: await one(`SELECT count(*) AS n FROM "permission" WHERE "built_in"`),
    };
  } finally {
    await client.end();
  }
}

const exactlyOnce = {
  migrations: POSTGRES_MIGRATIONS.length,
  distinctMigrations: POSTGRES_MIGRATIONS.length,
  admins: 1,
  builtInGroups: 2,
  builtInPermissions: Object.keys(BUILT_IN_PERMISSIONS).length,
};

describe('the migration log', () => {
  it('cannot record one migration twice (a unique index on the name)', async () => {
    const { db, drop } = await createTestDatabase();
    const dataSource = await openDatabase(db, { migrate: false });
    try {
      const [row] = (await dataSource.query('SELECT "timestamp", "name" FROM "migrations" ORDER BY "id" LIMIT 1')) as { timestamp: string; name: string }[];
      const insert = db.dialect === 'postgres'
        ? 'INSERT INTO "migrations" ("timestamp", "name") VALUES ($1, $2)'
        : 'INSERT INTO "migrations" ("timestamp", "name") VALUES (?, ?)';
      await expect(dataSource.query(insert, [row!.timestamp, row!.name])).rejects.toThrow(/unique|UNIQUE/);
    } finally {
      await dataSource.destroy();
      await drop();
    }
  });
});

// Each database project runs what applies to it: several servers need PostgreSQL (SQLite's file
// belongs to one process).
if (isPostgres) describe('three servers started at the same moment on one PostgreSQL database', () => {
  const { adminUrl } = inject('templateDatabase') as { adminUrl: string };
  const name = scratchName('gatehouse_startup');
  let url: string;
  const running: BuiltServer[] = [];

  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await dropDatabase(adminUrl, name);
  });

  it('is built (pnpm test builds before it runs the suites)', () => {
    expect(fs.existsSync(built), `${built} is missing: run \`pnpm build\` first`).toBe(true);
  });

  it('on an empty database: all three serve; migrations, built-ins and the first admin exist once', async () => {
    url = await createDatabase(adminUrl, name);
    const servers = await Promise.all([0, 1, 2].map(() => startServer(url)));
    running.push(...servers);
    await Promise.all(servers.map((s) => healthy(s)));
    expect(await counts(url)).toEqual(exactlyOnce);
    const created = servers.filter((s) => s.output().includes('created the first admin'));
    expect(created).toHaveLength(1);
    await stopAll(servers);
    expect(servers.map((s) => s.child.exitCode)).toEqual([0, 0, 0]);
  }, 120_000);

  it('on a migrated database (every server restarted at once): all three serve, nothing twice', async () => {
    const servers = await Promise.all([0, 1, 2].map(() => startServer(url)));
    running.push(...servers);
    await Promise.all(servers.map((s) => healthy(s)));
    expect(await counts(url)).toEqual(exactlyOnce);
    expect(servers.filter((s) => s.output().includes('created the first admin'))).toHaveLength(0);
    await stopAll(servers);
    expect(servers.map((s) => s.child.exitCode)).toEqual([0, 0, 0]);
  }, 120_000);

  it('on a database it cannot open: exits 1 with the database\'s own error (the migrations run in a thread of their own)', async () => {
    const server = await startServer(withDatabase(adminUrl, `${name}_missing`));
    running.push(server);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Gatehouse failed to start: error: database "\w+_missing" does not exist/);
    expect(server.output()).not.toMatch(/unhandled promise rejection|thread exited/);
  }, 60_000);
});
