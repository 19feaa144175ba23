/**
 * Live-update fan-out (SPEC §17, issue 17): `subscribers` WebSocket connections (graphql-ws), each
 * subscribed to `Subscription.events`, then `changes` changes made one after another; for every
 * subscriber and change, the time from sending the change's request to the subscriber receiving
 * its event (target: p99 ≤ 500 ms at 1,000 subscribers).
 *
 * The subscribers are what the event feed is for: downstream services' service accounts, half of
 * them admins and half holding `audit.read`, `connectionsPerAccount` sockets each (a service runs
 * several replicas), so the server re-checks many distinct credentials on every commit, as it
 * would in production. Every socket subscribes with `after` = the feed's newest cursor when the
 * phase starts, so none can miss the first change however late its subscription starts. Each
 * change registers a resource with its own external id, which the subscribers find in
 * `data.resource.externalId`.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/data-source';
import { encodeCursor } from '../src/common/pagination';
import { EventEntity } from '../src/modules/events/event.entity';
import { serviceTokens } from './lib/bench-token';
import { percentile } from './lib/bench-cli';

export interface FanoutShape {
  subscribers: number;
  changes: number;
  connectionsPerAccount: number;
}

export const FANOUT_FULL: FanoutShape = { subscribers: 1_000, changes: 20, connectionsPerAccount: 10 };
export const FANOUT_QUICK: FanoutShape = { subscribers: 1_000, changes: 5, connectionsPerAccount: 10 };

/** How long one change may take to reach every subscriber before the phase gives up on it. */
const CHANGE_TIMEOUT_MS = 15_000;
/** Between changes: each is measured on its own, not queued behind the one before. */
const PAUSE_MS = 250;
/** Sockets opened at once while connecting (each runs connection_init's credential check). */
const CONNECT_CONCURRENCY = 50;

const SUBSCRIPTION = 'subscription ($after: String, $types: [String!]) { events(after: $after, types: $types) { id type cursor data } }';

/** The feed's newest cursor (as Event.cursor spells it), read from the bench database. */
async function newestCursor(databaseUrl: string): Promise<string> {
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl }, { migrate: false });
  try {
    const row = await ds.manager.createQueryBuilder(EventEntity, 'e').select('MAX(e.id)', 'max').getRawOne<{ max: string | number | null }>();
    return encodeCursor([String(Number(row?.max ?? 0))]);
  } finally {
    await ds.destroy();
  }
}

interface Subscriber {
  client: Client;
  /** Resolves once the socket is acknowledged (connection_init passed). */
  connected: Promise<void>;
}

export async function fanoutPhase(url: string, databaseUrl: string, shape: FanoutShape): Promise<Record<string, number>> {
  const accounts = Math.ceil(shape.subscribers / shape.connectionsPerAccount);
  const tokens = await serviceTokens(databaseUrl, Array.from({ length: accounts }, (_, i) => (i % 2 === 0 ? { name: `Fan-out admin ${i}`, isAdmin: true } : { name: `Fan-out reader ${i}`, permissions: ['audit.read'] })));
  const [changer] = await serviceTokens(databaseUrl, [{ name: 'Fan-out changer', isAdmin: true }]);
  const after = await newestCursor(databaseUrl);
  const run = Date.now().toString(36);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  /** Receipts of each change's event (by external id), to know when all subscribers have it. */
  const received = new Map<string, number>();
  let waiting: { externalId: string; resolve: () => void } | null = null;
  let unexpected = 0;
  let firstError: unknown = null;

  const onEvent = (data: Record<string, unknown> | null | undefined) => {
    const at = performance.now();
    const event = data?.['events'] as { data?: { resource?: { externalId?: string } } } | undefined;
    const externalId = event?.data?.resource?.externalId;
    const sent = externalId ? sentAt.get(externalId) : undefined;
    if (!externalId || sent === undefined) {
      unexpected++;
      return;
    }
    latencies.push(at - sent);
    const n = (received.get(externalId) ?? 0) + 1;
    received.set(externalId, n);
    if (waiting?.externalId === externalId && n >= shape.subscribers) waiting.resolve();
  };

  const subscribers: Subscriber[] = [];
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  for (let i = 0; i < shape.subscribers; i += CONNECT_CONCURRENCY) {
    const batch: Promise<void>[] = [];
    for (let k = i; k < Math.min(i + CONNECT_CONCURRENCY, shape.subscribers); k++) {
      let connected!: () => void;
      let refused!: (error: unknown) => void;
      const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (refused = reject)));
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens[k % accounts]!}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: (error) => refused(error),
        on: { connected: () => connected(), closed: (event) => refused(event) },
      });
      client.subscribe(
        { query: SUBSCRIPTION, variables: { after, types: ['resource.created'] } },
        {
          next: (result) => (result.errors ? void (firstError ??= result.errors) : onEvent(result.data)),
          error: (error) => void (firstError ??= error),
          complete: () => undefined,
        },
      );
      subscribers.push({ client, connected: ready });
      batch.push(ready);
    }
    await Promise.all(batch);
  }

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${changer!}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  };

  let timedOut = 0;
  try {
    for (let c = 0; c < shape.changes; c++) {
      const externalId = `fanout-${run}-${c}`;
      const all = new Promise<void>((resolve) => (waiting = { externalId, resolve }));
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), CHANGE_TIMEOUT_MS).unref());
      sentAt.set(externalId, performance.now());
      await gql('mutation ($x: String!) { createResource(input: { kind: "bench-fanout", name: $x, externalId: $x }) { id } }', { x: externalId });
      if ((await Promise.race([all, timer])) === 'timeout') timedOut++;
      waiting = null;
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
    if (firstError) console.error('fan-out: a subscription failed:', JSON.stringify(firstError).slice(0, 400));
    return {
      fanoutSubscribers: shape.subscribers,
      fanoutAccounts: accounts,
      fanoutChanges: shape.changes,
      fanoutReceived: latencies.length,
      ...(unexpected > 0 ? { fanoutUnexpected: unexpected } : {}),
      ...(timedOut > 0 ? { fanoutChangesTimedOut: timedOut } : {}),
      fanoutP50Ms: Math.round(percentile(latencies, 50)),
      fanoutP99Ms: Math.round(percentile(latencies, 99)),
      fanoutMaxMs: Math.round(Math.max(...latencies)),
    };
  } finally {
    await Promise.all(subscribers.map((s) => s.client.dispose()));
  }
}
