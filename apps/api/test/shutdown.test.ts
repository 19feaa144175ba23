import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './harness';

/**
 * The built server (`node apps/api/dist/main.js`, what an operator runs; once via `pnpm start`)
 * stopped by a signal while its standard output goes to a log reader that died, that stalled, or
 * that is well; and meeting errors no code path handled (test/provoke-errors.cjs). Each database
 * project runs the half that applies to it: SQLite the server alone, PostgreSQL a cluster (a
 * primary and two workers sharing the pipe).
 *
 * Building is the caller's job (`pnpm test` builds first); a missing or stale build fails here
 * with the command that fixes it, rather than testing yesterday's code.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';
const apiRoot = path.resolve(__dirname, '..');
const pnpm = path.resolve(apiRoot, '..', '..', 'node_modules', '.bin', 'pnpm');
const entry = path.join(apiRoot, 'dist', 'main.js');
/** The default SHUTDOWN_GRACE_MS: a signal must end the process within it. */
const GRACE_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The processes whose parent is `pid` (a cluster primary's workers, the server pnpm started). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').map(Number);
  } catch {
    return [];
  }
}

/** `pid` and every process below it. */
function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(treeOf)];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` is (still) a process running the built server. */
function isServer(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/main.js');
  } catch {
    return false;
  }
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Started {
  /** The process started: the server, or pnpm running it. */
  server: ChildProcess;
  /** The process reading the server's standard output (`cat`, passing it on to this test). */
  reader: ChildProcess;
  port: number;
  /** The processes it had once healthy (the server under pnpm, a cluster's workers), for cleaning up. */
  tree: number[];
  /** What the reader has passed on: the server's log lines. */
  log: () => string;
  stderr: () => string;
  exit: Promise<Exit>;
}

const started: Started[] = [];
let scratch: { env: Record<string, string>; drop: () => Promise<void> } | undefined;

interface StartOptions {
  env?: Record<string, string>;
  /** How the operator starts it. */
  via?: 'node' | 'pnpm start';
  /** A module node loads before the server (`node -r`). */
  preload?: string;
}

/**
 * Starts the built server with its standard output piped into a reader process, the way
 * `node dist/main.js | log-shipper` would (or `pnpm start | log-shipper`), and waits until it is
 * healthy.
 */
async function startServer({ env = {}, via = 'node', preload }: StartOptions = {}): Promise<Started> {
  const port = await freePort();
  const reader = spawn('cat', [], { stdio: ['pipe', 'pipe', 'ignore'] });
  let log = '';
  reader.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...scratch!.env, NODE_ENV: 'production', LOG_LEVEL: 'info', WEB_DIST: 'off', HOST: '127.0.0.1', PORT: String(port), ...env };
  delete serverEnv['ADMIN_EMAIL'];
  delete serverEnv['ADMIN_PASSWORD'];
  const [command, args] = via === 'node' ? [process.execPath, [...(preload ? ['-r', preload] : []), entry]] : [pnpm, ['start']];
  const server = spawn(command, args, { cwd: apiRoot, env: serverEnv, stdio: ['ignore', reader.stdin!, 'pipe'] });
  // The server holds its own end of the pipe now; this process lets go of its copy, so the pipe
  // closes when the reader dies.
  reader.stdin!.destroy();
  let stderr = '';
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  const s: Started = { server, reader, port, tree: [], log: () => log, stderr: () => stderr, exit };
  started.push(s);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was healthy:\n${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${stderr}`);
    await sleep(200);
  }
  if (env['WORKERS']) {
    // Every worker serving, not only the first.
    while (treeOf(server.pid!).length < Number(env['WORKERS']) + 1) await sleep(200);
    await sleep(1_000);
  }
  s.tree = treeOf(server.pid!);
  return s;
}

/**
 * Sends `signal` and resolves with the exit code, or fails when the process, or any process it
 * started (a cluster's workers, the server under pnpm), outlives the grace period.
 */
async function stopWith(s: Started, signal: NodeJS.Signals): Promise<number | null> {
  const tree = treeOf(s.server.pid!);
  const deadline = Date.now() + GRACE_MS;
  s.server.kill(signal);
  const ended = await Promise.race([s.exit, sleep(GRACE_MS).then(() => null)]);
  while (tree.some(alive) && Date.now() < deadline) await sleep(100);
  if (!ended || tree.some(alive)) throw new Error(`still running ${GRACE_MS / 1000} s after ${signal}: ${tree.filter(alive).join(', ')}\n${s.stderr()}`);
  return ended.code;
}

/** Requests enough to write more log lines than a pipe holds (64 KiB on Linux). */
async function fillThePipe(port: number): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const batch = Array.from({ length: 25 }, () =>
      fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.text()),
    );
    await Promise.all(batch);
  }
}

beforeAll(async () => {
  if (!fs.existsSync(entry) || fs.statSync(entry).mtimeMs < newestSource(path.join(apiRoot, 'src'))) {
    throw new Error(`${entry} is missing or older than src/: run \`corepack pnpm --filter @gatehouse/api build\` (pnpm test builds first).`);
  }
  const { db, drop } = await createTestDatabase();
  const env: Record<string, string> =
    db.dialect === 'postgres' ? { DATABASE_URL: db.url } : { DATA_DIR: path.dirname(db.file) };
  scratch = { env, drop };
}, 120_000);

afterEach(async () => {
  for (const s of started.splice(0)) {
    if (s.server.exitCode === null && s.server.signalCode === null) s.server.kill('SIGKILL');
    // A server left behind by a failed test may have lost its parent: the tree it had counts too
    // (only while that pid is still a server, not a process that reused the number).
    for (const pid of new Set([...treeOf(s.server.pid!), ...s.tree])) if (isServer(pid)) process.kill(pid, 'SIGKILL');
    if (s.reader.exitCode === null && s.reader.signalCode === null) s.reader.kill('SIGKILL');
  }
});

/** A crashed log shipper: the reader dies while the server is idle, so the pipe is closed. */
async function killReader(s: Started): Promise<void> {
  s.reader.kill('SIGKILL');
  await new Promise((r) => s.reader.once('exit', r));
}

const cases = (env: Record<string, string>) => {
  it('exits 0 on SIGTERM when its log reader is well', async () => {
    const s = await startServer({ env });
    expect(await stopWith(s, 'SIGTERM')).toBe(0);
  });

  // Nothing was in flight in these: the server drained, and lost log lines are no failure (0).
  it('exits on SIGTERM after its log reader died while it was idle', async () => {
    const s = await startServer({ env });
    await killReader(s);
    expect(await stopWith(s, 'SIGTERM')).toBe(0);
  });

  it('exits on SIGINT after its log reader died', async () => {
    const s = await startServer({ env });
    await killReader(s);
    expect(await stopWith(s, 'SIGINT')).toBe(0);
  });

  it('keeps serving while its log reader has stopped reading, and exits on SIGTERM', async () => {
    const s = await startServer({ env });
    s.reader.kill('SIGSTOP');
    await fillThePipe(s.port);
    expect((await fetch(`http://127.0.0.1:${s.port}/healthz`)).status).toBe(200);
    expect(await stopWith(s, 'SIGTERM')).toBe(0);
  });
};

interface LogLine {
  level: number;
  msg: string;
  err?: { message: string };
  reason?: string;
  code?: number;
}

function logLines(s: Started): LogLine[] {
  return s
    .log()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

async function untilLogged(s: Started, match: (line: LogLine) => boolean): Promise<LogLine> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = logLines(s).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such log line in:\n${s.log()}`);
    await sleep(100);
  }
}

/** Errors that no code path handled, provoked inside the real server (test/provoke-errors.cjs). */
const unhandled = () => {
  const preload = path.join(__dirname, 'provoke-errors.cjs');

  it('logs an unhandled rejection as an error and keeps serving', async () => {
    const s = await startServer({ preload });
    s.server.kill('SIGUSR2');
    const line = await untilLogged(s, (l) => l.err?.message === 'provoked: a rejection nobody handles');
    expect(line).toMatchObject({ level: 50, msg: expect.stringContaining('unhandled promise rejection') });
    await sleep(500);
    expect(s.server.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${s.port}/healthz`)).status).toBe(200);
    expect(await stopWith(s, 'SIGTERM')).toBe(0);
  });

  it('logs an uncaught exception as fatal, drains, and exits 1 within the grace period', async () => {
    const s = await startServer({ preload });
    const exited = Promise.race([s.exit, sleep(GRACE_MS).then(() => null)]);
    s.server.kill('SIGHUP');
    const ended = await exited;
    expect(ended?.code).toBe(1);
    const lines = logLines(s);
    expect(lines.find((l) => l.err?.message === 'provoked: an exception nobody catches')).toMatchObject({ level: 60, msg: expect.stringContaining('uncaught exception') });
    expect(lines.find((l) => l.msg === 'shutting down: draining requests')).toMatchObject({ reason: 'uncaught exception' });
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped', code: 1 });
  });
};

// Each database project runs the half that applies to it (nothing is reported as skipped).
if (isPostgres) {
  describe('a cluster of two workers (PostgreSQL) and its log pipe', { timeout: 90_000 }, () => cases({ WORKERS: '2' }));
} else {
  describe('the server alone (SQLite): signals, its log pipe, errors nobody handled', { timeout: 60_000 }, () => {
    cases({});
    unhandled();

    it('under `pnpm start`, gets the SIGTERM sent to pnpm and exits after its log reader died', async () => {
      const s = await startServer({ via: 'pnpm start' });
      await killReader(s);
      await stopWith(s, 'SIGTERM');
    });
  });
}

afterAll(async () => {
  await scratch?.drop();
});
