/** How often the log is asked again while a delivery is about to be sent. */
export const DUE_POLL_MS = 2_000;
/** A pending delivery due within this long counts as about to be sent. */
const DUE_SOON_MS = 60_000;

export interface DeliveryTiming {
  status: string;
  nextAttemptAt?: string | null;
}

/**
 * The poll interval for a delivery log: while some attempt is pending and due (or due within a
 * minute), ask again every few seconds so its outcome appears without a reload; otherwise 0 (off).
 * Retries due hours from now do not keep the page polling.
 */
export function deliveryLogPollMs(deliveries: readonly DeliveryTiming[], now: number): number {
  const dueSoon = deliveries.some(
    (d) => d.status === 'PENDING' && (!d.nextAttemptAt || new Date(d.nextAttemptAt).getTime() <= now + DUE_SOON_MS),
  );
  return dueSoon ? DUE_POLL_MS : 0;
}

/** The status filter of the log, as the URL carries it (`?status=failed`). */
export type DeliveryFilter = 'all' | 'failed';

export function deliveryFilterFrom(params: URLSearchParams): DeliveryFilter {
  return params.get('status') === 'failed' ? 'failed' : 'all';
}
