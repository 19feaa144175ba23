/**
 * Loads the full access dataset (100k users, 10k groups, 1M memberships, 100k resources, 1M
 * grants) into a scratch PostgreSQL database and prints EXPLAIN ANALYZE of the hot access queries.
 * Used to write docs/performance.md: `node -r @swc-node/register scripts/explain-access.ts`.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { openDatabase } from '../src/db/data-source';
import { createDatabase, dropDatabase, testDatabaseUrl } from './lib/pg-admin';
import { FULL, loadPeople, loadResources, resourceId, userId, userIn20Groups } from './lib/access-dataset';

async function main(): Promise<void> {
  const admin = testDatabaseUrl();
  const url = await createDatabase(admin, 'gatehouse_explain');
  try {
    const ds = await openDatabase({ dialect: 'postgres', url });
    await ds.destroy();
    const t0 = Date.now();
    await loadPeople(url, FULL);
    await loadResources(url, FULL, 0, FULL.resources);
    const twenty = await userIn20Groups(url, FULL);
    console.log(`loaded in ${Math.round((Date.now() - t0) / 1000)} s`);
    const c = new Client({ connectionString: url });
    await c.connect();
    const show = async (title: string, sql: string, params: unknown[]) => {
      const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      console.log(`\n### ${title}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
    };
    const j = 4242;
    const u = (j * 31 + 2 * 20011) % FULL.users;
    await show('checkAccess (levelFacts), a user with a grant', `SELECT r.id, r.owner_id, r.visibility, u.is_active, u.is_admin,
        (SELECT MAX(CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END) FROM access_grant g WHERE g.resource_id = r.id AND g.user_id = $1 AND (g.expires_at IS NULL OR g.expires_at > now())) AS ug,
        (SELECT MAX(CASE g.level WHEN 'WRITE' THEN 2 ELSE 1 END) FROM access_grant g JOIN membership m ON m.group_id = g.group_id AND m.user_id = $1
          WHERE g.resource_id = r.id AND g.group_id IS NOT NULL AND (g.expires_at IS NULL OR g.expires_at > now()) AND (m.expires_at IS NULL OR m.expires_at > now())) AS gg
      FROM resource r LEFT JOIN user_account u ON u.id = $1 WHERE r.id = $2`, [userId(u), resourceId(j)]);
    await show('resources(first: 50) for a user in 20 groups', `SELECT r.id, r.kind, r.name_key FROM resource r
      WHERE (r.owner_id = $1 OR r.visibility = 'PUBLIC'
        OR r.id IN (SELECT g.resource_id FROM access_grant g WHERE g.user_id = $1 AND g.level IN ('READ','WRITE') AND (g.expires_at IS NULL OR g.expires_at > now()))
        OR r.id IN (SELECT g.resource_id FROM access_grant g JOIN membership m ON m.group_id = g.group_id WHERE m.user_id = $1 AND g.level IN ('READ','WRITE') AND (g.expires_at IS NULL OR g.expires_at > now()) AND (m.expires_at IS NULL OR m.expires_at > now())))
      ORDER BY r.kind, r.name_key, r.id LIMIT 51`, [twenty]);
    await c.end();
  } finally {
    await dropDatabase(admin, 'gatehouse_explain');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
