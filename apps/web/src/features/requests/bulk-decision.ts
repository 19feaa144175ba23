import type { RequestKind } from '../../gql/graphql';

/** A decision being confirmed in the dialog: one request, or the selected ones together. */
export interface Decision {
  approve: boolean;
  /** One request, or the selected ones. */
  ids: string[];
  what: string;
  /** Chosen with the checkboxes: decided together, with per-row results. */
  bulk: boolean;
  /** The kind of the one request decided (null for a bulk decision): approving a join may set an expiry. */
  kind?: RequestKind | null;
  /** Changes with every decision opened, so the dialog starts empty each time. */
  key: number;
}

/** One row of `decideRequests`' answer, as far as the outcome is concerned. */
export interface DecisionResult {
  requestId: string;
  ok: boolean;
  error?: { message: string } | null;
}

export interface BulkOutcome {
  /** Why each undecided request could not be decided, by request id. */
  failures: Record<string, string>;
  /** One sentence for the summary and the notification. */
  message: string;
  allDecided: boolean;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What a bulk decision did: the requests that failed (they stay selected, with their reason on the
 * row) and one sentence counting both.
 */
export function bulkOutcome(approve: boolean, results: readonly DecisionResult[]): BulkOutcome {
  const verb = approve ? 'Approved' : 'Rejected';
  const failures = Object.fromEntries(
    results.flatMap((r) => (r.ok ? [] : [[r.requestId, r.error?.message ?? 'It could not be decided.'] as const])),
  );
  const done = results.filter((r) => r.ok).length;
  const failedCount = Object.keys(failures).length;
  const message =
    failedCount === 0
      ? `${verb} ${plural(done, 'request')}.`
      : `${verb} ${done} of ${plural(results.length, 'request')}; ${failedCount} could not be decided (see the rows).`;
  return { failures, message, allDecided: failedCount === 0 };
}
