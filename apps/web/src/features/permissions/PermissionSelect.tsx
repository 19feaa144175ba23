import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { MultiSelect, Stack, Text } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { graphql } from '../../gql';
import type { PermissionSelect_PermissionFragment } from '../../gql/graphql';

export const PermissionSelectFragment = graphql(`
  fragment PermissionSelect_permission on PermissionInfo {
    key
    description
  }
`);

export interface PermissionSelectProps {
  label: string;
  description?: string;
  catalog: readonly FragmentType<typeof PermissionSelectFragment>[];
  value: string[];
  onChange: (keys: string[]) => void;
  disabled?: boolean;
  error?: string | null;
}

/** Picks permission keys from the catalog; each option says what the key grants. */
export function PermissionSelect({ catalog, ...rest }: PermissionSelectProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: PermissionSelectFragment, fragmentName: 'PermissionSelect_permission', from: [...catalog] }),
  );
  return data ? <PermissionSelectView {...rest} catalog={data} /> : null;
}

interface PermissionSelectViewProps extends Omit<PermissionSelectProps, 'catalog'> {
  catalog: readonly PermissionSelect_PermissionFragment[];
}

function PermissionSelectView({ label, description, catalog, value, onChange, disabled, error }: PermissionSelectViewProps) {
  const byKey = new Map(catalog.map((permission) => [permission.key, permission.description]));
  // A key held but no longer in the catalog still shows, so saving never drops it silently.
  const keys = [...new Set([...catalog.map((permission) => permission.key), ...value])];
  return (
    <MultiSelect
      label={label}
      description={description}
      data={keys.map((key) => ({ value: key, label: key }))}
      value={value}
      onChange={onChange}
      disabled={disabled}
      error={error}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage="No permission has that key"
      placeholder={value.length === 0 ? 'No permissions' : undefined}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" ff="monospace">
            {option.value}
          </Text>
          <Text size="xs" c="dimmed">
            {byKey.get(option.value) ?? 'Not in the catalog any more'}
          </Text>
        </Stack>
      )}
    />
  );
}
