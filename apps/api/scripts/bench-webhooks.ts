/**
 * Webhook latency (SPEC §17, issue 17): from a change to its signed delivery at a receiver, while
 * changes are made at a steady rate (target: p99 ≤ 1 s at 200 changes/s). Each change registers a
 * resource with its own external id; the receiver finds it in `data.resource.externalId`. The time
 * runs from the moment the change's request is sent — an upper bound on commit → receipt.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serviceToken } from './lib/bench-token';
import { percentile } from './lib/bench-cli';

export async function webhookLatencyPhase(url: string, databaseUrl: string, options: { perSecond: number; seconds: number }): Promise<Record<string, number>> {
  const token = await serviceToken(databaseUrl, { name: 'Webhook bench', isAdmin: true });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, { webhook: { id: string } }>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return body.data!;
  };
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const at = performance.now();
      res.end('ok');
      const externalId = (JSON.parse(body) as { data?: { resource?: { externalId?: string } } }).data?.resource?.externalId;
      const sent = externalId ? sentAt.get(externalId) : undefined;
      if (sent !== undefined) latencies.push(at - sent);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
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
      sentAt.set(externalId, performance.now());
      inFlight.push(gql('mutation ($x: String!) { createResource(input: { kind: "bench-hook", name: $x, externalId: $x }) { id } }', { x: externalId }).catch((e: unknown) => { if (failed++ === 0) console.error(String(e).slice(0, 400)); }));
    }
    await Promise.all(inFlight);
    const achieved = total / ((performance.now() - started) / 1000);
    const deadline = Date.now() + 60_000;
    while (latencies.length < total - failed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return {
      webhookChangesPerSecond: Math.round(achieved),
      webhookDelivered: latencies.length,
      webhookChangesFailed: failed,
      webhookLatencyP50Ms: Math.round(percentile(latencies, 50)),
      webhookLatencyP99Ms: Math.round(percentile(latencies, 99)),
    };
  } finally {
    await gql('mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: hook.createWebhook!.webhook.id }).catch(() => undefined);
    receiver.close();
  }
}
