/**
 * `pnpm bench [--quick]`: starts the built server on a scratch PostgreSQL database, drives each
 * scenario with autocannon at concurrency 32 over HTTP, prints a table and, as its last line, one
 * JSON object of figures. Later features add their scenarios to SCENARIOS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defaultWorkers } from '../src/config';
import { webhookLatencyPhase } from './bench-webhooks';
import { FANOUT_FULL, FANOUT_QUICK, fanoutPhase } from './bench-fanout';
import { autovacuumSettled, createDatabase, dropDatabase, testDatabaseUrl } from './lib/pg-admin';
import { assertNoDeprecations, watchDeprecations } from './lib/deprecations';
import { seed } from './lib/bench-seed';
import { SCIM_FULL, SCIM_QUICK, scimPhase } from './bench-scim';
import { REVIEWS_FULL, REVIEWS_QUICK, reviewsLine, reviewsPhase } from './bench-reviews';
import { count, FULL, grantFlipper, loadPeople, loadResources, resourceId, userId, userIn20Groups } from './lib/access-dataset';

// autocannon ships no types; this is the part of its API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const quick = process.argv.includes('--quick');
const CONNECTIONS = 32;
const DURATION_S = quick ? 5 : 15;
const WARMUP_S = quick ? 2 : 5;

interface Scenario {
  name: string;
  /** Key prefix of this scenario's figures in the JSON line. */
  key: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Bearer token of the user the scenario runs as. */
  token?: string;
  /**
   * Each request's variables, built before the run and sent in turn (a fresh request id per
   * approveRequest, random questions for checkAccess), so the load generator — which shares the
   * machine's two cores with the server — spends no time building them while measuring.
   */
  variableSets?: Record<string, unknown>[];
}

/** Scenarios that need data get it from `seed` (run once the server has migrated the database). */
async function scenarios(databaseUrl: string): Promise<{ scenarios: Scenario[]; checkerToken: string }> {
  // approveRequest consumes one pending request per call: seed more than a run can use.
  const seeded = await seed(databaseUrl, quick ? 8_000 : 20_000);
  const pending = [...seeded.pendingRequestIds];
  return { checkerToken: seeded.checkerToken, scenarios: [
    { name: '{ __typename } (stack ceiling)', key: 'typename', query: '{ __typename }' },
    { name: '{ __typename } with a Bearer token (auth cost)', key: 'typenameAuthed', query: '{ __typename }', token: seeded.checkerToken },
    { name: 'me { effectivePermissions } (50 groups)', key: 'mePermissions', query: '{ me { effectivePermissions } }', token: seeded.memberOf50Token },
    {
      name: 'directory page groups(first: 50)',
      key: 'directory',
      query: 'query { groups(first: 50) { totalCount edges { node { id name memberCount open public viewerCan { join requestJoin leave } viewerPendingRequest { id } } } } }',
      token: seeded.memberToken,
    },
    {
      name: "leader's queue groupRequests(first: 50)",
      key: 'queue',
      query: 'query { groupRequests(filter: { status: PENDING }, first: 50) { totalCount edges { node { id kind reason createdAt user { displayName } group { name } } } } }',
      token: seeded.leaderToken,
    },
    {
      name: 'approveRequest',
      key: 'approve',
      query: 'mutation ($id: ID!) { approveRequest(requestId: $id, comment: "ok") { id status } }',
      token: seeded.leaderToken,
      variableSets: pending.map((id) => ({ id })),
    },
  ] };
}

interface AccessPhase {
  adminUrl: string;
  dbName: string;
  databaseUrl: string;
  token: string;
  /** servers[0] serves the main database; the phase restarts it and adds one for the small copy. */
  servers: Server[];
  measure: Measure;
  row: (name: string, rps: number, p50: number, p99: number, failed: number) => void;
  figures: Record<string, number | string | boolean>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Issue 5's figures: checkAccess at 10k grants and at 1M grants (quick: 100k), then checkAccess,
 * resources(first: 50) for a user in 20 groups, and a bulk check of 100 triples at 1M.
 *
 * Growth compares two databases that differ only in how many resources and grants they hold: the
 * 10k-grant state is copied (CREATE DATABASE … TEMPLATE) before the rest is loaded, and one server
 * runs on each. checkAccess is then driven on them in alternating slices (small, large, small, …),
 * and growth is the ratio of the median p50s. On a shared 2-core machine whose speed drifts by
 * ±25 % over minutes, two measurements taken minutes apart would compare the drift, not the data.
 */
async function accessPhase(phase: AccessPhase): Promise<void> {
  const { adminUrl, dbName, databaseUrl, token, servers, measure, row, figures } = phase;
  const shape = quick ? { users: 10_000, groups: 1_000, resources: 10_000 } : FULL;
  const t0 = Date.now();
  await loadPeople(databaseUrl, shape);
  await loadResources(databaseUrl, shape, 0, 1_000);
  const twenty = await userIn20Groups(databaseUrl, shape);
  // A database can only be copied while nobody is connected to it.
  await servers[0]!.stop();
  const smallUrl = await createDatabase(adminUrl, `${dbName}_small`, dbName);
  servers[0] = await startServer(databaseUrl);
  servers[1] = await startServer(smallUrl);
  await loadResources(databaseUrl, shape, 1_000, shape.resources);
  figures['grants'] = await count(databaseUrl, 'access_grant');
  figures['memberships'] = await count(databaseUrl, 'membership');
  figures['loadSeconds'] = Math.round((Date.now() - t0) / 1000);

  const randomInt = (n: number) => Math.floor(Math.random() * n);
  /** Half the questions follow a real grant path, half are random (mostly NONE). */
  const question = (resources: number) => {
    const j = randomInt(resources);
    const i = Math.random() < 0.5 ? (j * 31 + randomInt(5) * 20011) % shape.users : randomInt(shape.users);
    return { r: resourceId(j), u: userId(i) };
  };
  const checkQuery = 'query ($r: ID!, $u: ID!) { checkAccess(resourceId: $r, userId: $u, level: READ) }';
  const smallCheck: Scenario = { name: 'checkAccess (10k grants)', key: 'checkAccessSmall', query: checkQuery, token, variableSets: Array.from({ length: 20_000 }, () => question(1_000)) };
  const check: Scenario = { name: `checkAccess (${figures['grants']} grants)`, key: 'checkAccess', query: checkQuery, token, variableSets: Array.from({ length: 20_000 }, () => question(shape.resources)) };

  // Growth: alternating slices on the two databases, after one warm-up on each.
  const slice = quick ? 3 : 5;
  const sides = [{ scenario: smallCheck, url: servers[1].url }, { scenario: check, url: servers[0].url }];
  for (const side of sides) {
    await assertAnswers(side.url, side.scenario);
    await run(side.url, side.scenario, WARMUP_S);
  }
  const slices: AutocannonResult[][] = [[], []];
  for (let round = 0; round < 3; round++) {
    for (const [k, side] of sides.entries()) slices[k]!.push(await run(side.url, side.scenario, slice));
  }
  /** A side's slices as one figure: the median of each measure, and every failure counted. */
  const summary = (results: AutocannonResult[]) => ({
    rps: Math.round(median(results.map((r) => r.requests.average))),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    failed: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  });
  const [small, grown] = slices.map(summary) as [ReturnType<typeof summary>, ReturnType<typeof summary>];
  figures['checkAccessSmallRps'] = small.rps;
  figures['checkAccessSmallP50Ms'] = small.p50;
  figures['checkAccessSmallP99Ms'] = small.p99;
  if (small.failed + grown.failed > 0) figures['checkAccessGrowthFailures'] = small.failed + grown.failed;
  figures['checkAccessGrowthP50sMs'] = slices.map((results) => results.map((r) => r.latency.p50).join('/')).join(' vs ');
  figures['checkAccessGrowth'] = Math.round((grown.p50 / Math.max(small.p50, 1)) * 100) / 100;
  row(`checkAccess (10k grants), median of 3 × ${slice} s`, small.rps, small.p50, small.p99, small.failed);
  row(`checkAccess (${figures['grants']} grants), median of 3 × ${slice} s`, grown.rps, grown.p50, grown.p99, grown.failed);
  await servers[1].stop();
  servers.pop();

  // The ratio's denominator is measured right before its numerator: over a run of several minutes
  // on a shared 2-core machine, the stack's ceiling drifts by ±25 %, and a ratio of two figures
  // taken minutes apart measures the drift. (typenameRps, at the start, stays in the report.)
  const ceiling = await measure({ name: '{ __typename } again, just before checkAccess', key: 'typenameAdjacent', query: '{ __typename }' });
  const authedCeiling = await measure({ name: '{ __typename } with a token, just before', key: 'typenameAuthedAdjacent', query: '{ __typename }', token });
  const large = await measure(check);
  // Several servers on one database (SPEC §16): the same load split across two servers, each
  // with its own caches checked against the database on every request.
  servers[1] = await startServer(databaseUrl);
  await Promise.all(servers.map((s) => run(s.url, check, WARMUP_S, CONNECTIONS / 2)));
  const split = await Promise.all(servers.map((s) => run(s.url, check, DURATION_S, CONNECTIONS / 2)));
  const splitFailed = split.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  const splitRps = split.reduce((n, r) => n + r.requests.average, 0);
  const splitP99 = Math.max(...split.map((r) => r.latency.p99));
  figures['twoServersCheckAccessRps'] = Math.round(splitRps);
  figures['twoServersCheckAccessP99Ms'] = splitP99;
  if (splitFailed > 0) figures['twoServersCheckAccessFailures'] = splitFailed;
  row('checkAccess on two servers, 16 connections each', splitRps, Math.max(...split.map((r) => r.latency.p50)), splitP99, splitFailed);
  await servers[1].stop();
  servers.pop();
  // The page as an integration pages through it, then as the UI asks for it (with the total).
  const page = (total: string) => `query ($u: ID!) { resources(userId: $u, first: 50) { ${total}edges { node { id kind name } } pageInfo { hasNextPage endCursor } } }`;
  await measure({ name: 'resources(first: 50), user in 20 groups', key: 'resources', query: page(''), token, variables: { u: twenty } });
  await measure({ name: 'the same page with totalCount', key: 'resourcesCounted', query: page('totalCount '), token, variables: { u: twenty } });
  // The bulk check answers from the access cache (access-cache.ts), empty until this scenario: it is
  // measured first from cold, without warm-up, while the cache fills (every request still misses
  // a few of its 100 users and resources), then warm — the figure the target is about.
  const bulk: Scenario = {
    name: 'bulk check, 100 triples (access cache warm)',
    key: 'bulkCheck',
    query: 'query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }',
    token,
    variableSets: Array.from({ length: 2_000 }, () => ({ c: Array.from({ length: 100 }, () => { const q = question(shape.resources); return { userId: q.u, resourceId: q.r, level: 'READ' }; }) })),
  };
  await measure({ ...bulk, name: 'bulk check, 100 triples, from a cold cache', key: 'bulkCheckCold' }, { warmup: 0 });
  await measure(bulk);
  // The same while another client changes a grant every 200 ms (each change moves the access
  // epoch): the cache drops only what each change touched (access_change) and stays warm.
  const flipper = grantFlipper(databaseUrl, shape, 200);
  try {
    await measure({ ...bulk, name: 'bulk check, a grant changing every 200 ms', key: 'bulkCheckWrites' });
  } finally {
    figures['bulkCheckWritesChanges'] = await flipper.stop();
  }
  figures['checkAccessRatio'] = Math.round((large.requests.average / ceiling.requests.average) * 100) / 100;
  figures['checkAccessAuthedRatio'] = Math.round((large.requests.average / authedCeiling.requests.average) * 100) / 100;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy within 60 s');
}

/** Where each scenario is in its variable sets: runs go on where the last stopped (approveRequest consumes them). */
const position = new Map<Scenario, number>();
function nextBody(scenario: Scenario, count: number): number {
  const at = position.get(scenario) ?? 0;
  position.set(scenario, at + 1);
  return at % count;
}

/** One request first: a scenario that answers with GraphQL errors (HTTP 200) would measure nothing. */
async function assertAnswers(url: string, scenario: Scenario): Promise<void> {
  const variables = scenario.variableSets?.[nextBody(scenario, scenario.variableSets.length)] ?? scenario.variables;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}) },
    body: JSON.stringify({ query: scenario.query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${scenario.name}: ${JSON.stringify(body.errors)}`);
}

async function run(url: string, scenario: Scenario, duration: number, connections = CONNECTIONS): Promise<AutocannonResult> {
  const bodies = scenario.variableSets?.map((variables) => JSON.stringify({ query: scenario.query, variables }));
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}) },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    ...(bodies ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[nextBody(scenario, bodies.length)] }) }] } : {}),
  });
}

/** The built server on one database, on a free port. */
interface Server {
  url: string;
  stop(): Promise<void>;
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.resolve(__dirname, '..', 'dist', 'main.js')], {
    // The webhook receiver is on loopback: allowed here only (SPEC §17).
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'error', WEB_DIST: 'off', WEBHOOK_ALLOW_PRIVATE: 'true' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  watchDeprecations(child.stderr!, `server on port ${port}`);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

type Measure = (scenario: Scenario, options?: { duration?: number; warmup?: number; url?: string }) => Promise<AutocannonResult>;

async function main(): Promise<void> {
  const adminUrl = testDatabaseUrl();
  const dbName = 'gatehouse_bench';
  const databaseUrl = await createDatabase(adminUrl, dbName);
  // The server runs as configured in production: WORKERS if set, else its own default for this
  // database (one worker per core, less one for a database on this machine: config.ts).
  const workers = Number(process.env['WORKERS'] || defaultWorkers(databaseUrl, availableParallelism()));
  const figures: Record<string, number | string | boolean> = { quick, connections: CONNECTIONS, durationS: DURATION_S, workers };
  const servers: Server[] = [];
  try {
    servers.push(await startServer(databaseUrl));
    const rows: string[] = [];
    const row = (name: string, rps: number, p50: number, p99: number, failed: number) =>
      rows.push(`${name.padEnd(44)} ${String(Math.round(rps)).padStart(8)} ${String(p50).padStart(8)} ${String(p99).padStart(8)} ${String(failed).padStart(8)}`);
    const measure: Measure = async (scenario, { duration = DURATION_S, warmup = WARMUP_S, url = servers[0]!.url } = {}) => {
      await assertAnswers(url, scenario);
      if (warmup > 0) await run(url, scenario, warmup);
      const result = await run(url, scenario, duration);
      const failed = result.errors + result.timeouts + result.non2xx;
      figures[`${scenario.key}Rps`] = Math.round(result.requests.average);
      figures[`${scenario.key}P50Ms`] = result.latency.p50;
      figures[`${scenario.key}P99Ms`] = result.latency.p99;
      if (failed > 0) figures[`${scenario.key}Failures`] = failed;
      row(scenario.name, result.requests.average, result.latency.p50, result.latency.p99, failed);
      return result;
    };
    const { scenarios: groupScenarios, checkerToken } = await scenarios(databaseUrl);
    for (const scenario of groupScenarios) await measure(scenario);
    // The people-facing pages' targets (issue 16): each page's rate as a share of the stack's own
    // `{ __typename }` with a token — measured adjacent, in alternating slices, as growth is: the
    // 15 s runs above are a minute or more apart, and the machine drifts by a quarter in that time.
    const byKey = new Map(groupScenarios.map((s) => [s.key, s]));
    for (const key of ['directory', 'queue']) {
      const ratios: number[] = [];
      for (let round = 0; round < 3; round++) {
        const ceiling = await run(servers[0]!.url, byKey.get('typenameAuthed')!, quick ? 2 : 5);
        const page = await run(servers[0]!.url, byKey.get(key)!, quick ? 2 : 5);
        ratios.push(page.requests.average / ceiling.requests.average);
        const failed = [ceiling, page].reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
        if (failed > 0) figures[`${key}RatioFailures`] = Number(figures[`${key}RatioFailures`] ?? 0) + failed;
      }
      figures[`${key}Ratio`] = Math.round(median(ratios) * 100) / 100;
      figures[`${key}Ratios`] = ratios.map((r) => r.toFixed(2)).join('/');
    }
    await accessPhase({ adminUrl, dbName, databaseUrl, token: checkerToken, servers, measure, row, figures });
    // SCIM provisioning (scripts/bench-scim.ts): users/s and one PATCH of 1,000 members.
    Object.assign(figures, await scimPhase(servers[0]!.url, databaseUrl, quick ? SCIM_QUICK : SCIM_FULL));
    // Access reviews (scripts/bench-reviews.ts): the items page of a 10,000-member review, and its close.
    Object.assign(figures, await reviewsPhase(servers[0]!.url, databaseUrl, quick ? REVIEWS_QUICK : REVIEWS_FULL));
    // Webhooks (scripts/bench-webhooks.ts): commit → signed delivery while 200 changes/s are made,
    // once the vacuum of what SCIM and the review wrote has finished (the changes run at the edge
    // of what this machine's two cores serve: a vacuum beside them decides the figure).
    figures['webhookSettleMs'] = await autovacuumSettled(adminUrl);
    Object.assign(figures, await webhookLatencyPhase(servers[0]!.url, databaseUrl, { perSecond: 200, seconds: quick ? 5 : 15 }));
    console.log(
      `Webhooks: ${figures['webhookChangesPerSecond']} changes/s (each answered in p50 ${figures['webhookChangeP50Ms']} ms, p99 ${figures['webhookChangeP99Ms']} ms), ${figures['webhookDelivered']} delivered, ` +
        `event → receipt p50 ${figures['webhookLatencyP50Ms']} ms, p99 ${figures['webhookLatencyP99Ms']} ms; request → receipt p50 ${figures['webhookFromRequestP50Ms']} ms, p99 ${figures['webhookFromRequestP99Ms']} ms`,
    );
    // Live updates (scripts/bench-fanout.ts): one change reaching 1,000 WebSocket subscribers.
    Object.assign(figures, await fanoutPhase(servers[0]!.url, databaseUrl, quick ? FANOUT_QUICK : FANOUT_FULL));
    console.log(`Fan-out: ${figures['fanoutSubscribers']} subscribers × ${figures['fanoutChanges']} changes, ${figures['fanoutReceived']} received, latency p50 ${figures['fanoutP50Ms']} ms, p99 ${figures['fanoutP99Ms']} ms`);
    console.log(`SCIM provisioning: ${figures['scimUsersPerSecond']} users/s, ${figures['scimMembershipsPerSecond']} memberships/s, one PATCH of 1,000 members ${figures['scimPatch1000Ms']} ms`);
    console.log(reviewsLine(figures));
    console.log(`\nGatehouse benchmark — PostgreSQL, ${workers} server worker(s), autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each${quick ? ' (quick)' : ''}`);
    console.log(`${'scenario'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(8)}`);
    for (const line of rows) console.log(line);
  } finally {
    for (const server of servers) await server.stop();
    await dropDatabase(adminUrl, dbName);
    await dropDatabase(adminUrl, `${dbName}_small`);
  }
  assertNoDeprecations();
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
