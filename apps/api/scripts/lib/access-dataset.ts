import { Client } from 'pg';

/**
 * The access benchmark's dataset, generated inside PostgreSQL with generate_series (a bulk load,
 * no round trip per row). Ids are md5-derived UUIDs, so the bench can name any row without reading
 * it back. At scale 1: 100k users, 10k groups, 1M memberships (10 per user), 100k resources and
 * 1M grants (5 user + 5 group grants per resource).
 */
export interface DatasetShape {
  users: number;
  groups: number;
  resources: number;
}

export const FULL: DatasetShape = { users: 100_000, groups: 10_000, resources: 100_000 };

export const userId = (i: number) => uuidOf(`user${i}`);
export const resourceId = (j: number) => uuidOf(`res${j}`);
export const groupId = (g: number) => uuidOf(`group${g}`);

// md5 → uuid, the same function the SQL uses (md5(text)::uuid).
import { createHash } from 'node:crypto';
function uuidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * After a bulk load, what autovacuum would soon do on its own: statistics for the planner, hint
 * bits set and the visibility map filled, so index-only scans read no heap and the measurement does
 * not pay for the load's aftermath. (VACUUM cannot share a statement with anything else.)
 */
async function settle(c: Client, tables: string[]): Promise<void> {
  for (const table of tables) await c.query(`VACUUM (ANALYZE) ${table}`);
}

/** Loads users, groups and memberships (once). */
export async function loadPeople(url: string, shape: DatasetShape): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`INSERT INTO user_account (id, email, email_key, display_name, name_key, kind, is_active, is_admin, created_at, updated_at)
      SELECT md5('user' || i)::uuid, 'u' || i || '@bench.example', 'u' || i || '@bench.example', 'User ' || i, 'user ' || i, 'HUMAN', true, false, now(), now()
        FROM generate_series(0, $1 - 1) i`, [shape.users]);
    await c.query(`INSERT INTO user_group (id, name, name_key, description, internal, hidden, open, public, restricted, system, shareable, metadata, source, created_at, updated_at)
      SELECT md5('group' || g)::uuid, 'Access Group ' || g, 'access group ' || g, '', false, false, false, false, false, false, 'ANYONE', '{}', 'MANUAL', now(), now()
        FROM generate_series(0, $1 - 1) g`, [shape.groups]);
    // 10 distinct groups per user: 1009·k mod groups differs for k = 0..9.
    await c.query(`INSERT INTO membership (user_id, group_id, source, created_at)
      SELECT md5('user' || i)::uuid, md5('group' || ((i * 7 + k * 1009) % $2))::uuid, 'ADDED', now()
        FROM generate_series(0, $1 - 1) i, generate_series(0, 9) k`, [shape.users, shape.groups]);
    await settle(c, ['user_account', 'user_group', 'membership']);
  } finally {
    await c.end();
  }
}

/** Loads resources [from, to) with 10 grants each (5 to users, 5 to groups). */
export async function loadResources(url: string, shape: DatasetShape, from: number, to: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`INSERT INTO resource (id, kind, external_id, name, name_key, description, owner_id, visibility, created_at, updated_at)
      SELECT md5('res' || j)::uuid, (ARRAY['model','knowledge','tool','document'])[1 + j % 4], 'ext-' || j, 'Resource ' || j, 'resource ' || j, '',
             md5('user' || ((j * 13) % $3))::uuid, CASE WHEN j % 50 = 0 THEN 'PUBLIC' ELSE 'PRIVATE' END, now(), now()
        FROM generate_series($1, $2 - 1) j`, [from, to, shape.users]);
    await c.query(`INSERT INTO access_grant (id, resource_id, user_id, group_id, level, created_at)
      SELECT md5('ug' || j || '-' || k)::uuid, md5('res' || j)::uuid, md5('user' || ((j * 31 + k * 20011) % $3))::uuid, NULL,
             CASE WHEN (j + k) % 4 = 0 THEN 'WRITE' ELSE 'READ' END, now()
        FROM generate_series($1, $2 - 1) j, generate_series(0, 4) k`, [from, to, shape.users]);
    await c.query(`INSERT INTO access_grant (id, resource_id, user_id, group_id, level, created_at)
      SELECT md5('gg' || j || '-' || k)::uuid, md5('res' || j)::uuid, NULL, md5('group' || ((j * 17 + k * 2003) % $3))::uuid,
             CASE WHEN (j + k) % 5 = 0 THEN 'WRITE' ELSE 'READ' END, now()
        FROM generate_series($1, $2 - 1) j, generate_series(0, 4) k`, [from, to, shape.groups]);
    await settle(c, ['resource', 'access_grant']);
  } finally {
    await c.end();
  }
}

/** A user in exactly 20 groups (for the resources(first: 50) target). Returns its id. */
export async function userIn20Groups(url: string, shape: DatasetShape): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const id = uuidOf('twenty');
    await c.query(`INSERT INTO user_account (id, email, email_key, display_name, name_key, kind, is_active, is_admin, created_at, updated_at)
      VALUES ($1, 'twenty@bench.example', 'twenty@bench.example', 'Twenty Groups', 'twenty groups', 'HUMAN', true, false, now(), now())`, [id]);
    await c.query(`INSERT INTO membership (user_id, group_id, source, created_at)
      SELECT $1::uuid, md5('group' || ((g * 499) % $2))::uuid, 'ADDED', now() FROM generate_series(0, 19) g`, [id, shape.groups]);
    return id;
  } finally {
    await c.end();
  }
}

export async function count(url: string, table: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await c.end();
  }
}

/**
 * Another client changing access while a scenario runs: every `everyMs`, one random user grant
 * flips between READ and WRITE (one transaction, one resource changed, the access epoch moves).
 * stop() ends it and returns how many changes it made.
 */
export function grantFlipper(url: string, shape: DatasetShape, everyMs: number): { stop(): Promise<number> } {
  let running = true;
  let changes = 0;
  const done = (async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      while (running) {
        const j = Math.floor(Math.random() * shape.resources);
        await c.query(`UPDATE access_grant SET level = CASE level WHEN 'READ' THEN 'WRITE' ELSE 'READ' END WHERE id = md5('ug' || $1 || '-0')::uuid`, [j]);
        changes++;
        await new Promise((r) => setTimeout(r, everyMs));
      }
    } finally {
      await c.end();
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return changes;
    },
  };
}
