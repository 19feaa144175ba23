import { useQuery } from '@apollo/client/react';
import { List, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { PickedGroup } from '../groups/GroupPicker';

// A search-as-you-type widget owns its search query. Each group says whether you may share with it
// (`viewerCanShare`) and why not — the rule the share itself is checked by; nothing is re-derived here.
const ShareGroupSearchQuery = graphql(`
  query ShareGroupSearch($search: String) {
    groups(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
          viewerCanShare
          viewerShareRefusal
        }
      }
    }
  }
`);

export interface ShareGroupPickerProps {
  value: readonly PickedGroup[];
  onChange: (groups: PickedGroup[]) => void;
  disabled?: boolean;
  error?: string | null;
}

/**
 * Picks the groups to share with. Only groups that accept a share from you are offered; the
 * others that match the search are listed below with the reason, so nobody wonders where one went.
 */
export function ShareGroupPicker({ value, onChange, disabled, error }: ShareGroupPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(ShareGroupSearchQuery, {
    variables: { search: debounced || null },
    skip: disabled,
  });
  const nodes = data?.groups.edges.map(({ node }) => node) ?? [];
  const offered: PickedGroup[] = nodes.filter((g) => g.viewerCanShare).map((g) => ({ id: g.id, label: g.name }));
  const refused = nodes.filter((g) => !g.viewerCanShare);
  const options = new Map<string, PickedGroup>();
  for (const group of [...value, ...offered]) if (!options.has(group.id)) options.set(group.id, group);

  return (
    <Stack gap={4}>
      <MultiSelect
        label="Share with groups"
        description="Every current member gets the level. Only groups that accept a share from you are offered."
        placeholder={value.length === 0 ? 'Search groups by name' : undefined}
        data={[...options.values()].map((group) => ({ value: group.id, label: group.label }))}
        value={value.map((group) => group.id)}
        onChange={(ids) => onChange(ids.flatMap((id) => options.get(id) ?? []))}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        hidePickedOptions
        clearable
        nothingFoundMessage={loading ? 'Searching…' : refused.length > 0 ? 'No group you may share with matches' : 'No group matches'}
        disabled={disabled}
        error={error}
      />
      {refused.length > 0 && debounced ? (
        <div aria-live="polite">
          <Text size="xs" c="dimmed">
            Matching groups you cannot share with:
          </Text>
          <List size="xs" c="dimmed" aria-label="Groups you cannot share with">
            {refused.slice(0, 5).map((g) => (
              <List.Item key={g.id}>
                {g.name} {g.viewerShareRefusal ?? 'does not accept shares from you'}.
              </List.Item>
            ))}
          </List>
          {refused.length > 5 ? (
            <Text size="xs" c="dimmed">
              …and {refused.length - 5} more; search to narrow the list.
            </Text>
          ) : null}
        </div>
      ) : null}
    </Stack>
  );
}
