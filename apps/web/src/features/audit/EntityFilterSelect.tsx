import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/** One thing a filter picker offers: its id and the words to show for it. */
export interface FilterOption {
  value: string;
  label: string;
}

export interface EntityFilterSelectProps {
  label: string;
  description?: string;
  placeholder: string;
  /** The chosen id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** Searches on the server as the person types (debounced): the options to offer. */
  useOptions: (search: string) => { options: FilterOption[]; loading: boolean };
  /** The label of the chosen id when it is not among the options (e.g. opened from a shared link). */
  useChosenLabel: (id: string) => string | null;
  nothingFound: string;
}

/**
 * A filter that picks one person, group or resource by name — never by typing an id. The search
 * runs on the server (so "bob" finds Bob among thousands); the choice is an id.
 */
export function EntityFilterSelect({ label, description, placeholder, value, onChange, useOptions, useChosenLabel, nothingFound }: EntityFilterSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const chosenLabel = useChosenLabel(value);
  // While a choice is shown, its label fills the input: do not search for it.
  const searching = debounced && debounced !== chosenLabel ? debounced : '';
  const { options, loading } = useOptions(searching);
  const data = new Map<string, FilterOption>();
  if (value) data.set(value, { value, label: chosenLabel ?? 'Loading…' });
  for (const option of options) if (!data.has(option.value)) data.set(option.value, option);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={[...data.values()]}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched; filtering the labels again would hide email matches.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={loading ? 'Searching…' : nothingFound}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
