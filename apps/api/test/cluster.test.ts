import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './harness';

/**
 * The server as a cluster (WORKERS=2, PostgreSQL), run as a real process tree from source: a
 * primary and two workers sharing one port. Each request here opens its own connection, and Node's
 * primary hands connections to the workers in turn, so consecutive requests reach both workers.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';
const apiRoot = path.resolve(__dirname, '..');
const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** One request on a connection of its own (agent: false), so the cluster may give it to either worker. */
function post(port: number, query: string, cookie?: string): Promise<Answer> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Answer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The worker processes of a primary (its children). */
function workersOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').map(Number);
  } catch {
    return [];
  }
}

function startCluster(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: apiRoot,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', WEB_DIST: 'off', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Each database project runs the half that applies to it (nothing is reported as skipped).
if (isPostgres) describe('a cluster of two workers (PostgreSQL)', () => {
  let port: number;
  let primary: ChildProcess;
  let output: () => string;
  let drop: () => Promise<void>;
  let adminCookie: string;

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    if (created.db.dialect !== 'postgres') throw new Error('PostgreSQL expected');
    port = await freePort();
    ({ child: primary, output } = startCluster({ DATABASE_URL: created.db.url, PORT: String(port), WORKERS: '2', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }));
    await until('the cluster to listen', () => output().includes('Gatehouse listening'), 90_000);
    const signedIn = await post(port, `mutation { signIn(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }`);
    expect(signedIn.body.errors).toBeUndefined();
    adminCookie = String(signedIn.headers['set-cookie']?.[0]).split(';')[0]!;
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      primary.kill('SIGKILL');
      for (const pid of workersOf(primary.pid!)) process.kill(pid, 'SIGKILL');
    }
    await drop?.();
  });

  it('runs two workers under the primary, on one port', async () => {
    expect(workersOf(primary.pid!)).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(port, '{ __typename }')));
    expect(answers.map((a) => a.body.data?.['__typename'])).toEqual(Array(6).fill('Query'));
  });

  it('a settings change is seen by every worker as soon as the change is answered', async () => {
    const read = async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(port, '{ settings { requireRequestReason } }', adminCookie)));
      return answers.map((a) => (a.body.data?.['settings'] as { requireRequestReason: boolean }).requireRequestReason);
    };
    const before = await read(); // every worker has the settings cached now
    expect(new Set(before).size).toBe(1);
    for (const next of [!before[0], before[0]!]) {
      const changed = await post(port, `mutation { updateSettings(input: { requireRequestReason: ${next} }) { requireRequestReason } }`, adminCookie);
      expect(changed.body.errors).toBeUndefined();
      expect(await read()).toEqual(Array(6).fill(next));
    }
  });

  it('counts failed sign-ins once for the whole server, whichever worker answers', async () => {
    const attempt = () => post(port, 'mutation { signIn(email: "nobody@example.org", password: "wrong") { user { id } } }');
    for (let i = 0; i < 10; i++) {
      expect((await attempt()).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Per worker, each would have seen about five.
    for (let i = 0; i < 3; i++) {
      expect((await attempt()).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('starts another worker when one dies', async () => {
    const [victim, survivor] = workersOf(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    await until('a replacement worker to serve', () => output().includes('a new worker is serving'));
    const now = workersOf(primary.pid!);
    expect(now).toHaveLength(2);
    expect(now).toContain(survivor);
    expect(now).not.toContain(victim);
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(port, '{ __typename }')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('stops every worker and itself on SIGTERM, each having drained (exit code 0)', async () => {
    const workers = workersOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter((pid) => { try { process.kill(pid, 0); return true; } catch { return false; } })).toEqual([]);
  });
});

else describe('WORKERS with SQLite', () => {
  it('refuses to start: the embedded database is served by one process', async () => {
    const { child, output } = startCluster({ WORKERS: '2', DATA_DIR: path.join(apiRoot, 'data-never-created'), PORT: '0' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toContain('WORKERS above 1 needs PostgreSQL');
  }, 30_000);
});
