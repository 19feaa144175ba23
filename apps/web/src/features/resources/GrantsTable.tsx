import { Badge, Button, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatDate, formatExpiry } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import type { AccessEditor_ResourceFragment } from '../../gql/graphql';
import { userLabel } from '../users/user-label';
import { GrantExpiryCell } from './GrantExpiryCell';
import { GRANT_LEVEL_OPTIONS, isGrantLevel, type GrantLevel } from './level-options';

export type GrantRow = AccessEditor_ResourceFragment['grants'][number];

/** "Ann Lee <ann@example.com>" or the group's name: whom a grant names. */
export function principalLabel(grant: GrantRow): string {
  if (grant.user) return userLabel(grant.user);
  return grant.group?.name ?? 'Unknown principal';
}

export interface GrantsTableProps {
  grants: readonly GrantRow[];
  /** The grant whose change is on its way (its controls are disabled meanwhile). */
  busyGrantId: string | null;
  onChangeLevel: (grant: GrantRow, level: GrantLevel) => void;
  onRemove: (grant: GrantRow) => void;
  /** With the resource's id, each expiry can be changed in place (SPEC §20). */
  resourceId?: string;
}

/** The access list: one row per user or group, with its level, expiry and grantor. */
export function GrantsTable({ grants, busyGrantId, onChangeLevel, onRemove, resourceId }: GrantsTableProps) {
  // When the table was first shown: enough to mark grants that had already expired.
  const [now] = useState(() => Date.now());
  return (
    <ScrollTable label="Access list" minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Who</Table.Th>
          <Table.Th scope="col">Level</Table.Th>
          <Table.Th scope="col">Until</Table.Th>
          <Table.Th scope="col">Granted by</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grants.map((grant) => {
          const label = principalLabel(grant);
          const expired = grant.expiresAt !== null && grant.expiresAt !== undefined && new Date(grant.expiresAt).getTime() <= now;
          const busy = busyGrantId === grant.id;
          return (
            <Table.Tr key={grant.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light" color={grant.group ? 'indigo' : 'gray'}>
                    {grant.group ? 'Group' : 'User'}
                  </Badge>
                  <Text size="sm">{label}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Level for ${label}`}
                  data={GRANT_LEVEL_OPTIONS.map((option) => ({ ...option }))}
                  value={grant.level}
                  onChange={(value) => {
                    if (isGrantLevel(value) && value !== grant.level) onChangeLevel(grant, value);
                  }}
                  allowDeselect={false}
                  disabled={busy}
                  w={190}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                {resourceId ? (
                  <GrantExpiryCell resourceId={resourceId} grant={grant} label={label} expired={expired} />
                ) : grant.expiresAt ? (
                  <Text size="sm" c={expired ? 'orange.8' : undefined}>
                    {formatExpiry(grant.expiresAt)}
                    {expired ? ' (expired)' : ''}
                  </Text>
                ) : (
                  <Text size="sm">No expiry</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{grant.grantedBy?.displayName ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {formatDate(grant.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => onRemove(grant)}
                  disabled={busy}
                  aria-label={`Remove access of ${label}`}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
