import { Writable } from 'node:stream';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { tokenFor } from '../../test/factories';
import { SYSTEM_ACTOR } from '../modules/audit/actor';
import { bootstrap } from '../bootstrap';
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { Db } from '../db/db';
import { createSchema } from '../schema';
import { startServer, type RunningServer } from '../server';
import { createServices } from '../services';
import { LOG_REDACTION } from '../logger';

/**
 * What an operator sees when a request fails on our side: the client gets a masked
 * INTERNAL_SERVER_ERROR (no SQL, no stack) and the X-Request-Id header; the log has the real error
 * on a line carrying that same request id. The failure is made real: a table the query needs is gone.
 */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let server: RunningServer;
let dataSource: DataSource;
let drop: () => Promise<void>;
let url: string;
let token: string;

beforeAll(async () => {
  const made = await createTestDatabase();
  drop = made.drop;
  const config = { ...loadConfig({ NODE_ENV: 'test', WEB_DIST: 'off', LOG_LEVEL: 'info' }), database: made.db };
  const log = pino({ level: 'info', redact: LOG_REDACTION }, sink);
  dataSource = await openDatabase(made.db);
  const db = new Db(dataSource);
  const services = createServices({ config, db, log });
  await bootstrap(db, services, config, log);
  server = await startServer({ config, schema: await createSchema(), services, log }, 0, '127.0.0.1');
  url = `http://127.0.0.1:${server.port}`;
  const user = await services.users.create(SYSTEM_ACTOR, { email: 'ops@example.com', displayName: 'Ops', isAdmin: false, kind: 'HUMAN', password: null });
  token = await tokenFor({ dataSource } as Parameters<typeof tokenFor>[0], user.id);
});
afterAll(async () => {
  await server?.stop();
  await dataSource?.destroy();
  await drop?.();
});

describe('an internal error', () => {
  it('is masked for the client and logged with its request id', async () => {
    await dataSource.query('DROP TABLE notification');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-internal-1' },
      body: JSON.stringify({ query: '{ notifications { unreadCount } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(response.headers.get('x-request-id')).toBe('req-internal-1');
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(body)).not.toMatch(/notification"|SELECT|QueryFailed|SQLITE|relation/i);

    const logged = lines.find((l) => l['msg'] === 'request failed: internal error (masked for the client)');
    expect(logged?.['reqId']).toBe('req-internal-1');
    expect(JSON.stringify(logged?.['err'])).toMatch(/notification/);
    // the statement's values (here the viewer's id) stay out of the log
    expect((logged?.['err'] as Record<string, unknown>)['parameters']).toBe('[redacted]');
    // The server goes on answering.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is not logged for the client’s own mistakes', async () => {
    const before = lines.length;
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query ($s: String) { groups(filter: { search: $s }) { totalCount } }', variables: { s: 'a\u0000' } }),
    });
    expect(lines.slice(before).filter((l) => String(l['msg']).startsWith('request failed'))).toEqual([]);
  });
});
