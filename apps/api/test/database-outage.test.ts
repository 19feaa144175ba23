import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApp, type TestApp } from './harness';

/**
 * When PostgreSQL stops answering or refuses connections, the server stays up: `/healthz` says 503
 * (in bounded time, so a load balancer takes the server out), requests fail with a masked error,
 * and when the database is back the server recovers by itself, without a restart.
 *
 * The outage is a TCP relay between the server and PostgreSQL that the test cuts: it drops every
 * open connection and refuses new ones, as a database restart or a network failure does.
 */
const isPostgres = process.env['TEST_DB'] === 'postgres';

class Relay {
  private server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private mode: 'up' | 'down' | 'stalled' = 'up';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      if (this.mode === 'down') {
        client.destroy();
        return;
      }
      if (this.mode === 'stalled') {
        // Accepted, never answered: the other end of a network partition.
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => undefined);
        return;
      }
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  cut(mode: 'down' | 'stalled' = 'down'): void {
    this.mode = mode;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.mode = 'up';
    for (const s of this.sockets) s.destroy();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

if (isPostgres) describe('a PostgreSQL outage', () => {
  let app: TestApp;
  let relay: Relay;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    if (created.db.dialect !== 'postgres') throw new Error('PostgreSQL expected');
    const url = new URL(created.db.url);
    relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.listen();
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    app = await startTestApp({}, { database: { dialect: 'postgres', url: url.toString() } });
  });

  afterAll(async () => {
    relay.restore();
    await app?.close();
    await relay?.close();
    await drop?.();
  });

  const health = () => app.fetch('/healthz').then((r) => r.status);
  /** Whether /healthz says 200 again within `ms`: the pool replaces the connections it lost on the next use. */
  const healsWithin = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if ((await health()) === 200) return true;
    }
    return false;
  };

  it('is reported by /healthz (503), fails requests cleanly, and heals without a restart', async () => {
    expect(await health()).toBe(200);
    relay.cut();
    expect(await health()).toBe(503);
    const during = await app.gql('{ groups(first: 1) { totalCount } }');
    expect(during.status).toBeLessThan(500);
    for (const error of during.errors ?? []) {
      expect(error.message).not.toMatch(/ECONNRESET|Connection terminated|127\.0\.0\.1|at /);
    }
    relay.restore();
    expect(await healsWithin(5_000)).toBe(true);
    expect((await app.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('a database that accepts connections but never answers: /healthz still answers (503), then heals', async () => {
    relay.cut('stalled');
    await new Promise((r) => setTimeout(r, 200)); // the pool has dropped the connections it lost
    expect(await health()).toBe(503); // within the pool's connection timeout, not never
    relay.restore();
    expect(await healsWithin(5_000)).toBe(true);
  });
});

else describe('SQLite has no database server to lose', () => {
  it('answers /healthz from the embedded file', async () => {
    const app = await startTestApp();
    try {
      expect((await app.fetch('/healthz')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
