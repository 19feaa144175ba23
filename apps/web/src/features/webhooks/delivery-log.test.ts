import { describe, expect, it } from 'vitest';
import { deliveryFilterFrom, deliveryLogPollMs, DUE_POLL_MS } from './delivery-log';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const inSeconds = (s: number) => new Date(now + s * 1000).toISOString();

describe('deliveryLogPollMs', () => {
  it.each([
    ['nothing pending', [{ status: 'SUCCEEDED' }, { status: 'FAILED' }], 0],
    ['a new delivery without a due time', [{ status: 'PENDING', nextAttemptAt: null }], DUE_POLL_MS],
    ['a delivery overdue', [{ status: 'PENDING', nextAttemptAt: inSeconds(-5) }], DUE_POLL_MS],
    ['a retry due in 5 s', [{ status: 'SUCCEEDED' }, { status: 'PENDING', nextAttemptAt: inSeconds(5) }], DUE_POLL_MS],
    ['a retry due in 30 min', [{ status: 'PENDING', nextAttemptAt: inSeconds(1800) }], 0],
    ['a failed attempt that will be retried later', [{ status: 'RETRYING', nextAttemptAt: inSeconds(5) }], 0],
  ])('%s', (_name, deliveries, expected) => {
    expect(deliveryLogPollMs(deliveries, now)).toBe(expected);
  });
});

describe('deliveryFilterFrom', () => {
  it.each([
    ['', 'all'],
    ['status=failed', 'failed'],
    ['status=nonsense', 'all'],
  ])('?%s → %s', (query, expected) => {
    expect(deliveryFilterFrom(new URLSearchParams(query))).toBe(expected);
  });
});
