import { describe, expect, it } from 'vitest';
import { eventNamesGroup } from './use-live-group';

describe('which events an open group page follows', () => {
  it('those naming the group, and no other', () => {
    expect(eventNamesGroup({ group: { id: 'g1', label: 'Garden' }, user: { id: 'u1' } }, 'g1')).toBe(true);
    expect(eventNamesGroup({ group: { id: 'g2', label: 'Chess' } }, 'g1')).toBe(false);
    expect(eventNamesGroup({ user: { id: 'g1' } }, 'g1')).toBe(false);
    expect(eventNamesGroup(null, 'g1')).toBe(false);
    expect(eventNamesGroup('g1', 'g1')).toBe(false);
  });
});
