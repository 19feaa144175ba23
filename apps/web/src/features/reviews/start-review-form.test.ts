import { describe, expect, it } from 'vitest';
import { EMPTY_START_REVIEW, startReviewInputOf, startReviewProblems, type StartReviewValues } from './start-review-form';

const now = new Date('2026-03-01T12:00:00Z');
const valid: StartReviewValues = {
  ...EMPTY_START_REVIEW,
  name: '  Q1 review ',
  groups: [{ id: 'g1', label: 'Lab' }],
  deadlineDay: '2026-03-15',
};

describe('startReviewProblems', () => {
  it('accepts a named review of groups with a future day', () => {
    expect(startReviewProblems(valid, now, 'Europe/Berlin')).toEqual({});
  });

  it('names each missing or wrong field by the API’s field name', () => {
    expect(startReviewProblems(EMPTY_START_REVIEW, now, 'UTC')).toEqual({
      name: 'Give the review a name.',
      groupIds: 'Pick at least one group to review.',
      deadline: 'Pick the last day reviewers have.',
    });
    expect(startReviewProblems({ ...valid, scope: 'permission' }, now, 'UTC')).toEqual({ permission: 'Pick the permission whose groups to review.' });
    expect(startReviewProblems({ ...valid, deadlineDay: '2026-02-28' }, now, 'UTC')).toEqual({ deadline: 'The deadline must be in the future.' });
    // Today still counts: the deadline is the end of the picked day.
    expect(startReviewProblems({ ...valid, deadlineDay: '2026-03-01' }, now, 'UTC')).toEqual({});
  });
});

describe('startReviewInputOf', () => {
  it('sends the end of the picked day in the chooser’s zone, and only the chosen scope', () => {
    expect(startReviewInputOf(valid, 'Europe/Berlin')).toEqual({
      name: 'Q1 review',
      groupIds: ['g1'],
      permission: null,
      deadline: '2026-03-15T22:59:59.999Z',
      defaultDecision: 'KEEP',
      autoApply: true,
    });
    const byPermission = startReviewInputOf({ ...valid, scope: 'permission', permission: 'wiki.edit', defaultDecision: 'REMOVE' }, 'UTC');
    expect(byPermission).toMatchObject({ groupIds: [], permission: 'wiki.edit', deadline: '2026-03-15T23:59:59.999Z', defaultDecision: 'REMOVE' });
  });
});
