import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * Built servers as operators run them (`node dist/main.js`, what `pnpm start` runs), for the tests
 * of several servers on one PostgreSQL database (SPEC §16). `pnpm test` builds before the suites.
 */
export const apiRoot = path.resolve(__dirname, '..');
export const built = path.join(apiRoot, 'dist', 'main.js');

export interface BuiltServer {
  child: ChildProcess;
  port: number;
  /** Everything it has logged so far (pino JSON lines). */
  output: () => string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startBuiltServer(databaseUrl: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [built], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      WEB_DIST: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      WORKERS: '1',
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, port, output: () => output, exited };
}

export async function healthy(server: BuiltServer, timeoutMs = 60_000): Promise<void> {
  await until(
    'the server to answer /healthz',
    async () => {
      if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}):\n${server.output()}`);
      return fetch(`http://127.0.0.1:${server.port}/healthz`).then((r) => r.status === 200, () => false);
    },
    timeoutMs,
  );
}

/** SIGTERM to each, then waits for every one to exit. */
export async function stopAll(servers: BuiltServer[]): Promise<void> {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
