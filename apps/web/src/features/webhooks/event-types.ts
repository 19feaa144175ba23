import { EVENT_TYPES } from '@gatehouse/shared';

/** The words for each family of events (the part of the type before the dot). */
const FAMILY_LABELS: Readonly<Record<string, string>> = {
  membership: 'Memberships',
  request: 'Requests',
  group: 'Groups',
  user: 'Users',
  resource: 'Resources',
  access: 'Access',
  settings: 'Administration',
  review: 'Administration',
};

export interface EventTypeOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The event vocabulary (SPEC §17, from @gatehouse/shared: the API's own list) as grouped options
 * for a multi-select, in the vocabulary's order; `extra` keeps a saved type the list no longer has.
 */
export function eventTypeOptions(extra: readonly string[] = []): EventTypeOptionGroup[] {
  const groups = new Map<string, EventTypeOptionGroup>();
  const known = new Set<string>(EVENT_TYPES);
  for (const type of [...EVENT_TYPES, ...extra.filter((t) => !known.has(t))]) {
    const family = FAMILY_LABELS[type.split('.')[0] ?? ''] ?? 'Other';
    const entry = groups.get(family) ?? { group: family, items: [] };
    if (!entry.items.some((item) => item.value === type)) entry.items.push({ value: type, label: type });
    groups.set(family, entry);
  }
  return [...groups.values()];
}

/** "All events" or the list of types, for a table cell. */
export function eventTypesSummary(types: readonly string[]): string {
  if (types.length === 0) return 'All events';
  if (types.length <= 2) return types.join(', ');
  return `${types.slice(0, 2).join(', ')} and ${types.length - 2} more`;
}
