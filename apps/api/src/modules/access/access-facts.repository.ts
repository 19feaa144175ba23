import type { EntityManager } from 'typeorm';
import { coalescer } from '../../db/coalesce';
import { inList, listParam, rawQuery } from '../../db/raw-sql';
import { parseUtcTimestamp } from '../../db/timestamp';

/**
 * The access cache's one statement (access-cache.ts): the facts of users and resources with the
 * epoch they were read at, in the raw shape the cache compacts into a generation's numbering.
 */

const toMs = (v: string | null): number => (v === null ? Infinity : parseUtcTimestamp(v).getTime());

export interface RawUser {
  isActive: boolean;
  isAdmin: boolean;
  groups: [groupId: string, expires: number][];
}

export interface RawResource {
  ownerId: string | null;
  visibility: string;
  grants: [principal: string, isGroup: boolean, rank: 1 | 2, expires: number][];
}

export interface RawFacts {
  epoch: string;
  users: Map<string, RawUser>;
  resources: Map<string, RawResource>;
}

/**
 * The facts of these users and resources, and the epoch, read in ONE statement (one snapshot).
 * Each row is one fact, tagged by `t`. Every column is text, so that the branches of the UNION
 * agree on both dialects.
 */
async function readFacts(manager: EntityManager, userIds: string[], resourceIds: string[]): Promise<RawFacts> {
  const postgres = manager.connection.options.type === 'postgres';
  const text = (e: string) => `CAST(${e} AS varchar)`;
  const flag = (e: string) => (postgres ? `CASE WHEN ${e} THEN '1' ELSE '0' END` : text(e));
  const among = (column: string, list: string) => inList(manager, column, list);
  const rows = await rawQuery<{ t: string; a: string | null; b: string | null; c: string | null; d: string | null; x: string | null }>(
    manager,
    `SELECT 'e' AS "t", ${text('n')} AS "a", NULL AS "b", NULL AS "c", NULL AS "d", NULL AS "x" FROM access_epoch WHERE id = 1
     UNION ALL SELECT 'u', ${text('u.id')}, ${flag('u.is_active')}, ${flag('u.is_admin')}, NULL, NULL FROM user_account u WHERE ${among('u.id', 'users')}
     UNION ALL SELECT 'm', ${text('m.user_id')}, ${text('m.group_id')}, NULL, NULL, ${text('m.expires_at')} FROM membership m WHERE ${among('m.user_id', 'users')}
     UNION ALL SELECT 'r', ${text('r.id')}, ${text('r.owner_id')}, ${text('r.visibility')}, NULL, NULL FROM resource r WHERE ${among('r.id', 'resources')}
     UNION ALL SELECT 'g', ${text('g.resource_id')}, ${text('g.user_id')}, ${text('g.group_id')}, ${text('g.level')}, ${text('g.expires_at')} FROM access_grant g WHERE ${among('g.resource_id', 'resources')}`,
    { users: listParam(manager, userIds), resources: listParam(manager, resourceIds) },
    'gh_access_facts',
  );
  const facts: RawFacts = { epoch: '', users: new Map(), resources: new Map() };
  // Parents first: a membership or grant row may come before its user's or resource's row.
  for (const row of rows) {
    if (row.t === 'e') facts.epoch = row.a!;
    else if (row.t === 'u') facts.users.set(row.a!, { isActive: row.b === '1', isAdmin: row.c === '1', groups: [] });
    else if (row.t === 'r') facts.resources.set(row.a!, { ownerId: row.b, visibility: row.c!, grants: [] });
  }
  for (const row of rows) {
    if (row.t === 'm') facts.users.get(row.a!)?.groups.push([row.b!, toMs(row.x)]);
    else if (row.t === 'g') facts.resources.get(row.a!)?.grants.push([row.b ?? row.c!, row.b === null, row.d === 'WRITE' ? 2 : 1, toMs(row.x)]);
  }
  return facts;
}

/**
 * readFacts for the misses of every request that arrives together: one statement for all of them
 * (db/coalesce.ts), sent after each arrived. Without it, a cold cache under load (single checks
 * over many users and resources) cost a statement per request.
 */
export function readFactsCoalesced(manager: EntityManager, userIds: string[], resourceIds: string[]): Promise<RawFacts> {
  return coalescer<{ users: string[]; resources: string[] }, RawFacts>(manager.connection, 'accessFacts', async (asks) => {
    const users = [...new Set(asks.flatMap((a) => a.users))];
    const resources = [...new Set(asks.flatMap((a) => a.resources))];
    const read = await readFacts(manager.connection.manager, users, resources);
    return asks.map(() => read);
  }).load({ users: userIds, resources: resourceIds });
}
