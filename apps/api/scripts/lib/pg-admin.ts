import { Client } from 'pg';

/**
 * Creating and dropping scratch databases on a PostgreSQL server, for tests, the migration tools
 * and the benchmark. Never used by the running service.
 */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
}

/** The same server and credentials as `adminUrl`, another database. */
export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL is not reachable at ${redact(adminUrl)} (${reason}). Start it or set TEST_DATABASE_URL.`);
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function assertReachable(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query('SELECT 1'));
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
  });
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export function scratchName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Waits (up to `maxMs`) until no autovacuum worker runs: a phase measured right after another
 * wrote tens of thousands of rows would otherwise share the two cores with the vacuum of those rows,
 * and measure that. Returns how long it waited.
 */
export async function autovacuumSettled(adminUrl: string, maxMs = 120_000): Promise<number> {
  const started = Date.now();
  await withClient(adminUrl, async (c) => {
    while (Date.now() - started < maxMs) {
      const { rows } = await c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  return Date.now() - started;
}
