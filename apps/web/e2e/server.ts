import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apiEntry = path.join(repoRoot, 'apps/api/dist/main.js');
const webIndex = path.join(repoRoot, 'apps/web/dist/index.html');
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

/** Asks the OS for a port nobody is listening on. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StartServerOptions {
  /** Extra environment for the server, e.g. ADMIN_EMAIL / ADMIN_PASSWORD for the first admin. */
  env?: Record<string, string>;
}

/**
 * Starts the real production server (API + built SPA on one port) on a free port with a
 * fresh SQLite data directory, and resolves once `/healthz` answers 200. Building is the
 * caller's job; a missing build fails here with the command that fixes it. Without
 * ADMIN_EMAIL in `options.env` the server starts with no admin (the setup screen's case).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const missing = [apiEntry, webIndex].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Browser tests need a build, but these files are missing:\n  ${missing.join('\n  ')}\n` +
        'Run `corepack pnpm build` (or `pnpm test`, which builds first) from the repository root.',
    );
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  // Always the embedded SQLite database: the tests must never touch a shared PostgreSQL;
  // and no first admin from the caller's shell, only what the test asks for.
  delete env.DATABASE_URL;
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  Object.assign(env, options.env);

  const child = spawn(process.execPath, [apiEntry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve();
    });
  });

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(`The server exited with code ${exitCode} before it was healthy. Its output:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`The server did not answer GET /healthz with 200 within ${HEALTH_TIMEOUT_MS / 1000} s. Its output:\n${output}`);
}
