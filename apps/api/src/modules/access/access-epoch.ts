import type { GraphQLRequestListener } from '@apollo/server';
import type { Context } from '../../context';

/**
 * The access epoch: `access_epoch.n`, a counter that database triggers move once in every
 * transaction that changes who can reach what (a grant, a membership, a resource's owner or
 * visibility, a user's active or admin flag), whoever wrote it — this process, another server, or
 * SQL typed by an operator (migration AccessEpoch). The same triggers log which users ('u') and
 * resources ('r') each epoch touched in `access_change` (migration AccessChangeLog).
 *
 * Everything in memory that answers an access question is checked against an epoch read after the
 * request arrived; this file holds the request-side half of that contract, and
 * access-epoch.repository.ts its reads (see README.md in this folder).
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

/**
 * A mutation's own writes come after the access epoch authentication read with the credential
 * (Viewer.accessEpoch): its access questions read the epoch afresh. One listener object for every
 * request, so queries pay nothing for it.
 */
const epochOnlyForQueries: GraphQLRequestListener<Context> = {
  async didResolveOperation({ operation, contextValue }) {
    if (operation?.operation !== 'query' && contextValue.viewer) contextValue.viewer.accessEpoch = undefined;
  },
};

/** The Apollo plugin that keeps the credential's epoch for queries only (server.ts installs it). */
export const accessEpochPlugin = { requestDidStart: async () => epochOnlyForQueries };
