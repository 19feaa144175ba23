/**
 * Webhook latency (SPEC §17, issue 17): from a change to its signed delivery at a receiver, while
 * changes are made at a steady rate (target: p99 ≤ 1 s at 200 changes/s). Each change registers a
 * resource with its own external id; the receiver finds it in `data.resource.externalId`.
 *
 * Latency is measured from the event's own time (the body's `timestamp`: taken inside the change's
 * transaction, before it commits) to its receipt — an upper bound on commit → receipt, the target's
 * measure — and also from the moment the change's request was sent, which adds the change's own
 * wait for the server (the gap between the two is the server's queue, not the pipeline's).
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { serviceToken } from './lib/bench-token';
import { percentile } from './lib/bench-cli';

export async function webhookLatencyPhase(url: string, databaseUrl: string, options: { perSecond: number; seconds: number }): Promise<Record<string, number>> {
  const token = await serviceToken(databaseUrl, { name: 'Webhook bench', isAdmin: true });
  // node:http with kept-alive connections, not fetch: the load generator shares the machine's
  // cores with the server, and fetch spends several times more of them per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const gql = (query: string, variables: Record<string, unknown>, retried = false): Promise<Record<string, { webhook: { id: string } }>> =>
    new Promise<Record<string, { webhook: { id: string } }>>((resolve, reject) => {
      const payload = JSON.stringify({ query, variables });
      const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          try {
            const body = JSON.parse(text) as { data?: Record<string, { webhook: { id: string } }>; errors?: unknown[] };
            if (body.errors || !body.data) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(body.data);
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          }
        });
      });
      // A kept-alive socket the server closed as this request went out: the request never reached
      // it (Node's documented case, `reusedSocket`), so it is sent once more on a fresh one.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) gql(query, variables, true).then(resolve, reject);
        else reject(error);
      });
      req.end(payload);
    });
  const sentAt = new Map<string, number>();
  /** Event time → receipt (upper bound on commit → receipt), and request sent → receipt. */
  const latencies: number[] = [];
  const fromRequest: number[] = [];
  /** Each change's own answer time: the part of a delivery's latency that is the change itself. */
  const changeTimes: number[] = [];
  // The receiver is a service of its own, as an endpoint is: its own thread and event loop, so
  // that its answers do not wait behind the load this process generates. It reports each
  // delivery's external id and arrival time (ms since the epoch, comparable across threads).
  const receiver = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    receiver.once('error', reject);
    receiver.once('message', (m: { port: number }) => resolve(m.port));
  });
  receiver.on('message', (m: { externalId?: string; at?: number; wall?: number; occurredAt?: number }) => {
    const sent = m.externalId ? sentAt.get(m.externalId) : undefined;
    if (sent === undefined || m.at === undefined) return;
    fromRequest.push(m.at - sent);
    latencies.push(m.wall! - m.occurredAt!);
  });
  const hook = await gql('mutation ($u: String!) { createWebhook(input: { url: $u, eventTypes: ["resource.created"] }) { webhook { id } } }', { u: `http://127.0.0.1:${port}/hook` });
  try {
    const total = options.perSecond * options.seconds;
    const run = Date.now().toString(36);
    const started = performance.now();
    const inFlight: Promise<unknown>[] = [];
    let failed = 0;
    for (let i = 0; i < total; i++) {
      // A steady rate: the i-th change leaves at i / rate seconds, however long the others take.
      const due = started + (i * 1000) / options.perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const externalId = `wh-${run}-${i}`;
      sentAt.set(externalId, performance.timeOrigin + performance.now());
      const sent = performance.now();
      inFlight.push(
        gql('mutation ($x: String!) { createResource(input: { kind: "bench-hook", name: $x, externalId: $x }) { id } }', { x: externalId })
          .then(() => changeTimes.push(performance.now() - sent))
          .catch((e: unknown) => { if (failed++ === 0) console.error(String(e).slice(0, 400)); }),
      );
    }
    await Promise.all(inFlight);
    const achieved = total / ((performance.now() - started) / 1000);
    const deadline = Date.now() + 60_000;
    while (latencies.length < total - failed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return {
      webhookChangesPerSecond: Math.round(achieved),
      webhookDelivered: latencies.length,
      webhookChangesFailed: failed,
      webhookChangeP50Ms: Math.round(percentile(changeTimes, 50)),
      webhookChangeP99Ms: Math.round(percentile(changeTimes, 99)),
      webhookLatencyP50Ms: Math.round(percentile(latencies, 50)),
      webhookLatencyP99Ms: Math.round(percentile(latencies, 99)),
      webhookFromRequestP50Ms: Math.round(percentile(fromRequest, 50)),
      webhookFromRequestP99Ms: Math.round(percentile(fromRequest, 99)),
    };
  } finally {
    await gql('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: hook.createWebhook!.webhook.id }).catch(() => undefined);
    await receiver.terminate();
    agent.destroy();
  }
}

/** The receiving endpoint (a worker thread): answers 200 and reports what arrived, and when. */
const RECEIVER = `
  const http = require('node:http');
  const { parentPort } = require('node:worker_threads');
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c.toString()));
    req.on('end', () => {
      const at = performance.timeOrigin + performance.now();
      const wall = Date.now();
      res.end('ok');
      const delivery = JSON.parse(body);
      const externalId = delivery.data?.resource?.externalId;
      if (externalId) parentPort.postMessage({ externalId, at, wall, occurredAt: Date.parse(delivery.timestamp) });
    });
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;
