import { EVENT_TYPES } from '@gatehouse/shared';
import { describe, expect, it } from 'vitest';
import { eventTypeOptions, eventTypesSummary } from './event-types';

describe('eventTypeOptions', () => {
  it('offers every event type exactly once, grouped by family', () => {
    const offered = eventTypeOptions().flatMap((group) => group.items.map((item) => item.value));
    expect(offered.sort()).toEqual([...EVENT_TYPES].sort());
    const memberships = eventTypeOptions().find((group) => group.group === 'Memberships');
    expect(memberships?.items.map((item) => item.value)).toEqual(['membership.added', 'membership.removed', 'membership.updated']);
  });

  it('keeps a saved type the vocabulary no longer has, under Other', () => {
    const other = eventTypeOptions(['legacy.thing', 'membership.added']).find((group) => group.group === 'Other');
    expect(other?.items).toEqual([{ value: 'legacy.thing', label: 'legacy.thing' }]);
  });
});

describe('eventTypesSummary', () => {
  it.each([
    [[], 'All events'],
    [['membership.added'], 'membership.added'],
    [['membership.added', 'membership.removed'], 'membership.added, membership.removed'],
    [['membership.added', 'membership.removed', 'access.granted', 'access.revoked'], 'membership.added, membership.removed and 2 more'],
  ])('%j → %s', (types, expected) => {
    expect(eventTypesSummary(types)).toBe(expected);
  });
});
