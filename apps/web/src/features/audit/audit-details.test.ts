import { describe, expect, it } from 'vitest';
import { actionLabel, summarizeDetails } from './audit-details';

describe('summarizeDetails', () => {
  it('joins keys and values', () => {
    expect(summarizeDetails({ reason: 'wrong password', address: '10.0.0.1' })).toBe(
      'reason: wrong password · address: 10.0.0.1',
    );
  });

  it('shows lists, numbers, booleans, nulls and objects', () => {
    expect(summarizeDetails({ fields: ['name', 'open'], count: 2, open: true, by: null, to: { a: 1 } })).toBe(
      'fields: name, open · count: 2 · open: true · by: — · to: {"a":1}',
    );
  });

  it('is empty for no details', () => {
    expect(summarizeDetails({})).toBe('');
  });

  it('shortens long values and long summaries', () => {
    const summary = summarizeDetails({ a: 'x'.repeat(100), b: 'y'.repeat(100), c: 'z'.repeat(100) });
    expect(summary.length).toBe(160);
    expect(summary.endsWith('…')).toBe(true);
    expect(summarizeDetails({ a: 'x'.repeat(100) })).toBe(`a: ${'x'.repeat(59)}…`);
  });
});

describe('actionLabel', () => {
  it.each([
    ['MEMBER_JOINED', 'Member joined'],
    ['SIGN_IN', 'Sign in'],
    ['X', 'X'],
  ])('%s → %s', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });
});
