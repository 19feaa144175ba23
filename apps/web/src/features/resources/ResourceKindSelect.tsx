import { useQuery } from '@apollo/client/react';
import { Select, type SelectProps } from '@mantine/core';
import { graphql } from '../../gql';

const ResourceKindsQuery = graphql(`
  query ResourceKinds {
    resourceKinds
  }
`);

export interface ResourceKindSelectProps extends Pick<SelectProps, 'style' | 'label'> {
  /** The chosen kind, or '' for every kind. */
  value: string;
  onChange: (kind: string) => void;
}

/**
 * The Resources page's kind filter: the kinds the viewer reaches, from the server
 * (`resourceKinds`), never a slug to type exactly. A kind from a shared link that is not (or no
 * longer) among them stays shown, so the filter in the URL is never silently dropped.
 */
export function ResourceKindSelect({ value, onChange, label = 'Kind', style }: ResourceKindSelectProps) {
  const { data, loading } = useQuery(ResourceKindsQuery);
  const kinds = data?.resourceKinds ?? [];
  const options = value && !kinds.includes(value) ? [value, ...kinds] : kinds;
  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading kinds…' : 'Every kind'}
      data={options}
      value={value || null}
      onChange={(kind) => onChange(kind ?? '')}
      searchable
      clearable
      nothingFoundMessage={loading ? 'Loading kinds…' : 'No resource of that kind'}
      comboboxProps={{ withinPortal: true }}
      style={style}
    />
  );
}
