import { describe, expect, it } from 'vitest';
import { bulkOutcome } from './bulk-decision';

describe('bulkOutcome', () => {
  it('counts every request when all were decided', () => {
    expect(bulkOutcome(true, [{ requestId: 'a', ok: true }, { requestId: 'b', ok: true }])).toEqual({
      failures: {},
      message: 'Approved 2 requests.',
      allDecided: true,
    });
    expect(bulkOutcome(false, [{ requestId: 'a', ok: true }]).message).toBe('Rejected 1 request.');
  });

  it('keeps each failed request with its reason, and says how many could not be decided', () => {
    const outcome = bulkOutcome(true, [
      { requestId: 'a', ok: true },
      { requestId: 'b', ok: false, error: { message: 'The group is full.' } },
      { requestId: 'c', ok: false, error: null },
    ]);
    expect(outcome.failures).toEqual({ b: 'The group is full.', c: 'It could not be decided.' });
    expect(outcome.message).toBe('Approved 1 of 3 requests; 2 could not be decided (see the rows).');
    expect(outcome.allDecided).toBe(false);
  });
});
