import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Webhook as Verifier } from 'standardwebhooks';
import { freePort, healthy, startBuiltServer, stopAll, until, type BuiltServer } from './built-servers';
import { createTestDatabase } from './harness';
import './provided';

/**
 * Durable delivery (SPEC §17): a delivery is written in the transaction of the change, so a server
 * killed (SIGKILL: no shutdown, nothing flushed) after the commit and before the delivery leaves it
 * in the database, and the next server up sends it — on SQLite (the same server restarted on its
 * file) and on PostgreSQL.
 */
const ADMIN = { email: 'hooks-admin@example.org', password: 'correct horse battery staple' };

async function post<T>(port: number, query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<{ data: T; cookie?: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

describe('webhook deliveries survive a killed server', () => {
  const servers: BuiltServer[] = [];
  let drop: () => Promise<void> = async () => {};
  let receiver: http.Server | null = null;
  afterAll(async () => {
    await stopAll(servers);
    receiver?.close();
    await drop();
  });

  it('a change committed before SIGKILL is delivered by the next server, signed, once', { timeout: 120_000 }, async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    const env: Record<string, string> = {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_DELAYS: '1,1,1,1,1',
      ...(created.db.dialect === 'sqlite' ? { DATABASE_URL: '', DATA_DIR: path.dirname(created.db.file) } : {}),
    };
    const url = created.db.dialect === 'postgres' ? created.db.url : '';
    // The endpoint is down at first: the delivery stays in the outbox, RETRYING.
    const port = await freePort();
    const first = await startBuiltServer(url, env);
    servers.push(first);
    await healthy(first);
    const { cookie } = await post(first.port, 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', { e: ADMIN.email, p: ADMIN.password });
    const hook = await post<{ createWebhook: { secret: string; webhook: { id: string } } }>(
      first.port,
      'mutation ($u: String!) { createWebhook(input: { url: $u, eventTypes: ["group.created"] }) { secret webhook { id } } }',
      { u: `http://127.0.0.1:${port}/hook` },
      cookie,
    );
    const { secret } = hook.data.createWebhook;
    const webhookId = hook.data.createWebhook.webhook.id;
    await post(first.port, 'mutation { createGroup(input: { name: "Survives a crash" }) { id } }', {}, cookie);
    const log = async (server: BuiltServer) =>
      (await post<{ webhook: { deliveries: { edges: { node: { eventId: string; status: string; attempt: number } }[] } } }>(
        server.port,
        'query ($id: ID!) { webhook(id: $id) { deliveries(first: 20) { edges { node { eventId status attempt } } } } }',
        { id: webhookId },
        cookie,
      )).data.webhook.deliveries.edges.map((e) => e.node);
    await until('the first attempt to fail', async () => (await log(first)).some((d) => d.status === 'RETRYING'), 20_000);
    const eventId = (await log(first))[0]!.eventId;

    first.child.kill('SIGKILL');
    await first.exited;

    const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(port, '127.0.0.1', resolve));

    const second = await startBuiltServer(url, env);
    servers.push(second);
    await healthy(second);
    await until('the delivery', () => got.length >= 1, 30_000);
    await until('the log to say SUCCEEDED', async () => (await log(second)).some((d) => d.status === 'SUCCEEDED'), 10_000);
    // A little longer: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    const payload = new Verifier(secret).verify(got[0]!.body, got[0]!.headers as Record<string, string>) as { type: string; data: { group: { label: string } } };
    expect(payload.type).toBe('group.created');
    expect(payload.data.group.label).toBe('Survives a crash');
  });
});
