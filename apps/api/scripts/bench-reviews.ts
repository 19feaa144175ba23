/**
 * Access review benchmark (SPEC §21, issue 19): a review of one group with 10,000 members. Seeds
 * the group set-based in SQL, starts a review of it as an admin, then measures the items page —
 * `accessReview(id) { items(first: 50) }`, every page of it in turn, at the bench's 32 connections
 * and then by one client alone (the query's own latency; target: p99 ≤ 100 ms) —
 * decides about half of the items REMOVE (100 per call), times `closeAccessReview`, and checks in
 * the database that the removals ended in one transaction for the group (every MEMBER_REMOVED
 * audit row of the close written by one transaction, at one instant), not one per member.
 *
 * `pnpm bench` runs it against its server (scripts/bench.ts). Alone, against a scratch
 * PostgreSQL database and an in-process server from the sources:
 *   node -r @swc-node/register scripts/bench-reviews.ts [--members 10000] [--seconds 10]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { bootstrap } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { Db } from '../src/db/db';
import { createLogger } from '../src/logger';
import { createSchema } from '../src/schema';
import { startServer } from '../src/server';
import { createServices } from '../src/services';
import { serviceToken } from './lib/bench-token';
import { createDatabase, dropDatabase, testDatabaseUrl } from './lib/pg-admin';
import { argument } from './lib/bench-cli';

// autocannon ships no types; this is the part of its API used here.
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface ReviewBenchShape {
  members: number;
  /** How long the items page is driven (after a warm-up of a third of it). */
  seconds: number;
  connections: number;
}

export const REVIEWS_FULL: ReviewBenchShape = { members: 10_000, seconds: 15, connections: 32 };
export const REVIEWS_QUICK: ReviewBenchShape = { members: 10_000, seconds: 5, connections: 32 };

const ITEMS_QUERY =
  'query ($id: ID!, $after: String) { accessReview(id: $id) { items(first: 50, after: $after) { edges { node { id source memberSince decision decidedAt comment applied viewerCanDecide user { id displayName } group { id name } } } pageInfo { hasNextPage endCursor } totalCount } } }';

/** The group and its members, inserted with one statement per table (the bench measures the API, not the seeding). */
async function seedGroup(databaseUrl: string, members: number): Promise<{ groupId: string; run: string }> {
  const run = randomUUID().slice(0, 8);
  const groupId = randomUUID();
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl }, { migrate: false });
  try {
    await ds.transaction(async (tx) => {
      const name = `Review bench ${run}`;
      await tx.query(`INSERT INTO user_group (id, name, name_key, internal, metadata, description) VALUES ($1, $2, $3, false, '{}', 'An access review benchmark group')`, [
        groupId,
        name,
        name.toLowerCase(),
      ]);
      await tx.query(
        `INSERT INTO user_account (id, email, email_key, display_name, name_key, kind, is_active, is_admin)
         SELECT uuid_generate_v4(), e, e, d, lower(d), 'HUMAN', true, false
           FROM (SELECT 'review-' || $1 || '-' || g || '@bench.example' AS e, 'Reviewed ' || $1 || ' ' || lpad(g::text, 6, '0') AS d FROM generate_series(1, $2::int) g) s`,
        [run, members],
      );
      // Memberships of different ages, as a real group has.
      await tx.query(
        `INSERT INTO membership (user_id, group_id, source, created_at)
         SELECT u.id, $1, 'ADDED', now() - (row_number() OVER (ORDER BY u.id)) * interval '1 hour'
           FROM user_account u WHERE u.email_key LIKE 'review-' || $2 || '-%'`,
        [groupId, run],
      );
    });
  } finally {
    await ds.destroy();
  }
  return { groupId, run };
}

/** The figures: the items page (req/s, p50, p99), the start and the close in ms, and the close's check. */
export async function reviewsPhase(url: string, databaseUrl: string, shape: ReviewBenchShape): Promise<Record<string, number | boolean>> {
  const token = await serviceToken(databaseUrl, { name: 'Review bench', isAdmin: true });
  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 400));
    return body.data!;
  };
  const { groupId } = await seedGroup(databaseUrl, shape.members);

  let started = performance.now();
  const { startAccessReview } = await gql<{ startAccessReview: { id: string } }>(
    'mutation ($i: AccessReviewInput!) { startAccessReview(input: $i) { id } }',
    { i: { name: 'Bench review', groupIds: [groupId], deadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() } },
  );
  const startMs = Math.round(performance.now() - started);
  const reviewId = startAccessReview.id;

  // Every page once, in order: the cursors the measured requests ask with, and every item's id.
  const cursors: (string | null)[] = [null];
  const itemIds: string[] = [];
  for (;;) {
    type Items = { accessReview: { items: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const { accessReview } = await gql<Items>(ITEMS_QUERY, { id: reviewId, after: cursors.at(-1) });
    itemIds.push(...accessReview.items.edges.map((e) => e.node.id));
    if (!accessReview.items.pageInfo.hasNextPage) break;
    cursors.push(accessReview.items.pageInfo.endCursor);
  }
  if (itemIds.length !== shape.members) throw new Error(`the review has ${itemIds.length} items, expected ${shape.members}`);

  const bodies = cursors.map((after) => JSON.stringify({ query: ITEMS_QUERY, variables: { id: reviewId, after } }));
  let next = 0;
  const drive = (duration: number, connections = shape.connections) =>
    autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections,
      duration,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: bodies[0],
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
    });
  await drive(Math.max(1, Math.round(shape.seconds / 3)));
  const items = await drive(shape.seconds);
  // The query's own latency: one reviewer paging, nothing queued ahead of it.
  const alone = await drive(Math.max(1, Math.round(shape.seconds / 3)), 1);

  // About half REMOVE, 100 per call as a reviewer's bulk action sends them, four calls at a time.
  const removals = itemIds.filter((_, i) => i % 2 === 0);
  const calls: string[][] = [];
  for (let i = 0; i < removals.length; i += 100) calls.push(removals.slice(i, i + 100));
  started = performance.now();
  let call = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (call < calls.length) {
        const ids = calls[call++]!;
        await gql('mutation ($ids: [ID!]!) { decideReviewItems(itemIds: $ids, decision: REMOVE, comment: "bench") { id } }', { ids });
      }
    }),
  );
  const decideMs = Math.round(performance.now() - started);

  started = performance.now();
  await gql('mutation ($id: ID!) { closeAccessReview(id: $id) { id status } }', { id: reviewId });
  const closeMs = Math.round(performance.now() - started);

  // One transaction per group: every removal's audit row was written by one transaction (xmin) at one instant.
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl }, { migrate: false });
  let check: { removed: number; transactions: number; instants: number; left: number };
  try {
    const [row] = (await ds.query(
      `SELECT COUNT(*)::int AS removed, COUNT(DISTINCT xmin::text)::int AS transactions, COUNT(DISTINCT occurred_at)::int AS instants,
              (SELECT COUNT(*)::int FROM membership WHERE group_id = $1) AS "left"
         FROM audit_event WHERE action = 'MEMBER_REMOVED' AND group_id = $1`,
      [groupId],
    )) as [{ removed: number; transactions: number; instants: number; left: number }];
    check = row;
  } finally {
    await ds.destroy();
  }
  const oneTransaction = check.removed === removals.length && check.transactions === 1 && check.instants === 1 && check.left === shape.members - removals.length;
  if (!oneTransaction) console.error(`Closing the review did not end the removals in one transaction: ${JSON.stringify(check)}`);

  return {
    reviewMembers: shape.members,
    reviewStart10kMs: startMs,
    reviewItemsConnections: shape.connections,
    reviewItemsRps: Math.round(items.requests.average),
    reviewItemsP50Ms: items.latency.p50,
    reviewItemsP99Ms: items.latency.p99,
    reviewItemsAloneP50Ms: alone.latency.p50,
    reviewItemsAloneP99Ms: alone.latency.p99,
    ...(items.errors + items.timeouts + items.non2xx + alone.errors + alone.non2xx > 0 ? { reviewItemsFailures: items.errors + items.timeouts + items.non2xx + alone.errors + alone.non2xx } : {}),
    reviewDecideRemovals: removals.length,
    reviewDecideMs: decideMs,
    reviewClose10kMs: closeMs,
    reviewCloseTransactions: check.transactions,
    reviewCloseOneTransaction: oneTransaction,
  };
}

/** Alone: a scratch database, the server in this process from the sources, one run, figures as JSON. */
async function main(): Promise<void> {
  const shape: ReviewBenchShape = { members: argument('members', REVIEWS_FULL.members), seconds: argument('seconds', 10), connections: argument('connections', REVIEWS_FULL.connections) };
  const adminUrl = testDatabaseUrl();
  const name = `gatehouse_bench_reviews_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, name);
  try {
    const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', WEB_DIST: 'off', DATABASE_URL: databaseUrl }) };
    const log = createLogger(config);
    const dataSource = await openDatabase(config.database, { poolSize: config.dbPoolSize });
    const db = new Db(dataSource);
    const services = createServices({ config, db, log });
    await bootstrap(db, services, config, log);
    const server = await startServer({ config, schema: await createSchema(), services, log }, 0, '127.0.0.1');
    try {
      const figures = await reviewsPhase(`http://127.0.0.1:${server.port}`, databaseUrl, shape);
      console.log(reviewsLine(figures));
      console.log(JSON.stringify({ ...shape, ...figures }));
    } finally {
      await server.stop();
      server.httpServer.close();
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

/** The printed summary line of the figures. */
export function reviewsLine(figures: Record<string, number | string | boolean>): string {
  return `Access review of ${figures['reviewMembers']} members: items page ${figures['reviewItemsRps']} req/s, p50 ${figures['reviewItemsP50Ms']} ms, p99 ${figures['reviewItemsP99Ms']} ms at ${figures['reviewItemsConnections']} connections, p50 ${figures['reviewItemsAloneP50Ms']} ms, p99 ${figures['reviewItemsAloneP99Ms']} ms alone; start ${figures['reviewStart10kMs']} ms, close ${figures['reviewClose10kMs']} ms (${figures['reviewDecideRemovals']} removals, one transaction: ${figures['reviewCloseOneTransaction']})`;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  });
}
