/**
 * Loads the full access dataset (100k users, 10k groups, 1M memberships, 100k resources, 1M
 * grants) into a scratch PostgreSQL database and prints EXPLAIN ANALYZE of the hot access
 * statements — the statements the server really sends: each access function is called once with
 * the pool's query captured, then every captured statement is explained with its own parameters.
 * Used to write docs/performance.md: `node -r @swc-node/register scripts/explain-access.ts`.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/db/data-source';
import { AccessCache } from '../src/modules/access/access-cache';
import { levelFacts, levelFactsMany, reachablePage } from '../src/modules/access/access.repository';
import { createDatabase, dropDatabase, testDatabaseUrl } from './lib/pg-admin';
import { FULL, loadPeople, loadResources, resourceId, userId, userIn20Groups } from './lib/access-dataset';

interface Captured {
  text: string;
  values: unknown[];
}

/** Runs `work` and returns the statements it sent through the pool (named prepared statements). */
async function capture(ds: DataSource, work: () => Promise<unknown>): Promise<Captured[]> {
  const pool = (ds.driver as unknown as { master: { query: (config: Captured) => Promise<unknown> } }).master;
  const original = pool.query.bind(pool);
  const seen: Captured[] = [];
  pool.query = (config: Captured) => {
    seen.push(config);
    return original(config);
  };
  try {
    await work();
  } finally {
    pool.query = original;
  }
  return seen;
}

async function main(): Promise<void> {
  const admin = testDatabaseUrl();
  const url = await createDatabase(admin, 'gatehouse_explain');
  try {
    const ds = await openDatabase({ dialect: 'postgres', url });
    const t0 = Date.now();
    await loadPeople(url, FULL);
    await loadResources(url, FULL, 0, FULL.resources);
    const twenty = await userIn20Groups(url, FULL);
    console.log(`loaded in ${Math.round((Date.now() - t0) / 1000)} s`);
    const j = 4242;
    const withGrant = userId((j * 31 + 2 * 20011) % FULL.users);
    const pairs = Array.from({ length: 100 }, (_, i) => ({ userId: userId((i * 7919) % FULL.users), resourceId: resourceId((i * 104_729) % FULL.resources) }));
    const cache = new AccessCache(ds, 4_000_000);
    const page = { userId: twenty, minLevel: 'READ' as const, kind: null, namePattern: null, after: null, limit: 51 };
    const cases: [string, () => Promise<unknown>][] = [
      ['checkAccess (levelFacts), a user with a grant', () => levelFacts(ds.manager, withGrant, resourceId(j))],
      ['resources(first: 50) for a user in 20 groups, ids, kinds and names (page columns)', () => reachablePage(ds.manager, { ...page, withTotal: false, columns: 'listed' })],
      ['resources(first: 50) for a user in 20 groups, whole resources and totalCount', () => reachablePage(ds.manager, { ...page, withTotal: true, columns: 'full' })],
      [
        'coalesced checkAccess batch, or the bulk check with the cache off: 100 pairs (levelFactsMany)',
        () => levelFactsMany(ds.manager, pairs),
      ],
      ['bulk check, 100 pairs, cold access cache (AccessCache.levelFacts: the epoch, then the facts it lacks)', () => cache.levelFacts(pairs)],
      ['bulk check, the same 100 pairs, warm access cache (the epoch only)', () => cache.levelFacts(pairs)],
    ];
    for (const [title, work] of cases) {
      for (const statement of await capture(ds, work)) {
        const plan = (await ds.query(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.text}`, statement.values)) as Record<string, string>[];
        console.log(`\n### ${title}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    await ds.destroy();
  } finally {
    await dropDatabase(admin, 'gatehouse_explain');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
