import { useQuery } from '@apollo/client/react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { graphql } from '../../gql';

// Like the user picker, a search-as-you-type widget owns its search query.
const GroupPickerSearchQuery = graphql(`
  query GroupPickerSearch($search: String) {
    groups(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface PickedGroup {
  id: string;
  label: string;
}

export interface GroupPickerProps {
  label: string;
  description?: string;
  value: readonly PickedGroup[];
  onChange: (groups: PickedGroup[]) => void;
  /** Groups never offered (a group cannot lead itself). */
  excludeIds?: readonly string[];
  disabled?: boolean;
  error?: string | null;
}

/** Searches groups by name on the server and picks several. */
export function GroupPicker({ label, description, value, onChange, excludeIds = [], disabled, error }: GroupPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(GroupPickerSearchQuery, {
    variables: { search: debounced || null },
    skip: disabled,
  });
  const found: PickedGroup[] =
    data?.groups.edges
      .filter(({ node }) => !excludeIds.includes(node.id))
      .map(({ node }) => ({ id: node.id, label: node.name })) ?? [];
  const options = new Map<string, PickedGroup>();
  for (const group of [...value, ...found]) if (!options.has(group.id)) options.set(group.id, group);

  return (
    <MultiSelect
      label={label}
      description={description}
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
      nothingFoundMessage={loading ? 'Searching…' : 'No group matches'}
      disabled={disabled}
      error={error}
    />
  );
}
