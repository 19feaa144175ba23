import type { EntityManager } from 'typeorm';
import { coalescer } from '../../db/coalesce';
import { rawQuery } from '../../db/raw-sql';

/** The reads of the access epoch and of its change log (access-epoch.ts says what they are for). */

let unvalidated = 0;

/** The current epoch, as of a statement sent after the request arrived (coalesced across requests). */
export function currentEpoch(manager: EntityManager): Promise<string> {
  return coalescer<0, string>(manager.connection, 'accessEpoch', async (keys) => {
    const rows = await rawQuery<{ n: string | number }>(manager.connection.manager, 'SELECT n AS "n" FROM access_epoch WHERE id = 1', {}, 'gh_access_epoch');
    // Without the epoch's row (deleted by hand) nothing can be validated: each request then gets a
    // token that no read of facts carries, so nothing is kept and every answer is read afresh.
    const n = rows[0] ? String(rows[0].n) : `none:${++unvalidated}`;
    return keys.map(() => n);
  }).load(0);
}

/** Past this many epochs or entries, starting over costs less than reading what changed. */
const MAX_CHANGES = 20_000;

/**
 * The users ('u') and resources ('r') changed in the epochs after `from` up to `to`, or null when
 * the log cannot say: an epoch missing from it (pruned, or deleted by hand), a TRUNCATE ('*'), or
 * more than MAX_CHANGES. Every epoch logs at least one row, so a complete log has them all.
 */
export async function changesBetween(manager: EntityManager, from: string, to: string): Promise<[kind: string, id: string][] | null> {
  if (BigInt(to) - BigInt(from) > BigInt(MAX_CHANGES)) return null;
  const rows = await rawQuery<{ epoch: string | number; kind: string; id: string | null }>(
    manager.connection.manager,
    `SELECT CAST(c.epoch AS varchar) AS "epoch", c.kind AS "kind", CAST(c.id AS varchar) AS "id" FROM access_change c
      WHERE c.epoch > CAST(:from AS bigint) AND c.epoch <= CAST(:to AS bigint) LIMIT ${MAX_CHANGES + 1}`,
    { from, to },
    'gh_access_changes',
  );
  if (rows.length > MAX_CHANGES || rows.some((r) => r.kind === '*' || r.id === null)) return null;
  if (new Set(rows.map((r) => String(r.epoch))).size !== Number(BigInt(to) - BigInt(from))) return null;
  return rows.map((r) => [r.kind, r.id!]);
}
