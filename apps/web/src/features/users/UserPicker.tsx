import { useQuery } from '@apollo/client/react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { graphql } from '../../gql';
import { userLabel } from './user-label';

// A search-as-you-type widget owns its search query: no page could know what will be typed.
const UserPickerSearchQuery = graphql(`
  query UserPickerSearch($search: String) {
    users(search: $search, first: 20) {
      edges {
        node {
          id
          displayName
          email
          isActive
        }
      }
    }
  }
`);

/** A user chosen in a picker, with the label to show for it. */
export interface PickedUser {
  id: string;
  label: string;
}

export interface UserPickerProps {
  label: string;
  description?: string;
  value: readonly PickedUser[];
  onChange: (users: PickedUser[]) => void;
  disabled?: boolean;
  error?: string | null;
  placeholder?: string;
}

/** Searches users by name or email on the server and picks several. */
export function UserPicker({ label, description, value, onChange, disabled, error, placeholder }: UserPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(UserPickerSearchQuery, {
    variables: { search: debounced || null },
    skip: disabled,
  });
  const found: PickedUser[] =
    data?.users.edges.map(({ node }) => ({
      id: node.id,
      label: node.isActive ? userLabel(node) : `${userLabel(node)} (deactivated)`,
    })) ?? [];
  const options = new Map<string, PickedUser>();
  for (const user of [...value, ...found]) if (!options.has(user.id)) options.set(user.id, user);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? (placeholder ?? 'Search by name or email') : undefined}
      data={[...options.values()].map((user) => ({ value: user.id, label: user.label }))}
      value={value.map((user) => user.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => options.get(id) ?? []))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched names and emails; filtering labels again would hide email matches.
      filter={({ options: all }) => all}
      hidePickedOptions
      clearable
      nothingFoundMessage={loading ? 'Searching…' : 'Nobody matches'}
      disabled={disabled}
      error={error}
    />
  );
}
