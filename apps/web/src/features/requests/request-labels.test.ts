import { describe, expect, it } from 'vitest';
import { ageOf, joinOutcomeMessage, leaveOutcomeMessage } from './request-labels';

describe('request labels', () => {
  it('says each join and leave outcome in words', () => {
    expect(joinOutcomeMessage('JOINED', 'Ops')).toBe('You joined Ops.');
    expect(joinOutcomeMessage('REQUESTED', 'Ops')).toContain('sent to the approvers');
    expect(joinOutcomeMessage('ALREADY_REQUESTED', 'Ops')).toContain('already have a pending request');
    expect(leaveOutcomeMessage('LEFT', 'Ops')).toBe('You left Ops.');
    expect(leaveOutcomeMessage('NOT_MEMBER', 'Ops')).toContain('not a member');
  });

  it('gives the age of a request', () => {
    const now = new Date('2026-03-12T12:00:00Z');
    expect(ageOf('2026-03-12T11:59:30Z', now)).toBe('just now');
    expect(ageOf('2026-03-12T11:00:00Z', now)).toBe('1 hour');
    expect(ageOf('2026-03-09T12:00:00Z', now)).toBe('3 days');
  });
});
