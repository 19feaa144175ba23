import type { GraphQLRequestListener } from '@apollo/server';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../context';
import { coalescer } from '../../db/coalesce';
import { rawQuery } from '../../db/raw-sql';

/**
 * The access epoch: `access_epoch.n`, a counter that database triggers move once in every
 * transaction that changes who can reach what (a grant, a membership, a resource's owner or
 * visibility, a user's active or admin flag), whoever wrote it — this process, another server, or
 * SQL typed by an operator (migration AccessEpoch). The same triggers log which users ('u') and
 * resources ('r') each epoch touched in `access_change` (migration AccessChangeLog).
 *
 * Everything in memory that answers an access question is checked against an epoch read after the
 * request arrived; this file holds the reads and the request-side half of that contract (see
 * README.md in this folder).
 */

/** The epoch as a scalar subquery: the credential statement, a `resources` page and its groups select it. */
export const EPOCH_SQL = '(SELECT CAST(e.n AS varchar) FROM access_epoch e WHERE e.id = 1)';

/** The epoch as a statement reports it (null without its row: deleted by hand). */
export const epochOf = (raw: unknown): string | null => (raw === null || raw === undefined ? null : String(raw));

/** What a request knows of the epoch. The Viewer carries it (authz/viewer.ts). */
export interface EpochAsOf {
  /**
   * The access epoch, read in the same statement as this viewer's credential
   * (credential.repository.ts): after the request arrived, so the access cache may validate
   * against it without reading it again. Cleared for mutations (accessEpochPlugin), whose own
   * writes come after it. Absent: read it.
   */
  accessEpoch?: string;
}

/** Epoch numbers; a missing epoch row gives tokens that are not (see currentEpoch). */
export const numbered = (epoch: string) => /^\d+$/.test(epoch);

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

/**
 * A mutation's own writes come after the access epoch authentication read with the credential
 * (Viewer.accessEpoch): its access questions read the epoch afresh. One listener object for every
 * request, so queries pay nothing for it.
 */
const epochOnlyForQueries: GraphQLRequestListener<Context> = {
  async didResolveOperation({ operation, contextValue }) {
    if (operation?.operation !== 'query' && contextValue.viewer) delete contextValue.viewer.accessEpoch;
  },
};

/** The Apollo plugin that keeps the credential's epoch for queries only (server.ts installs it). */
export const accessEpochPlugin = { requestDidStart: async () => epochOnlyForQueries };
