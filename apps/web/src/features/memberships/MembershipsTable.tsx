import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { EmptyMessage } from '../../components/EmptyMessage';
import { formatDate, formatExpiry } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { MembershipsTable_UserFragment } from '../../gql/graphql';
import { MEMBERSHIP_SOURCE_LABELS } from './membership-source';

export const MembershipsTableFragment = graphql(`
  fragment MembershipsTable_user on User {
    id
    memberships {
      source
      createdAt
      expiresAt
      addedBy {
        id
        displayName
      }
      group {
        id
        name
        builtIn
      }
    }
  }
`);

export interface MembershipsTableProps {
  user: FragmentType<typeof MembershipsTableFragment>;
  groupHref: (groupId: string) => string;
  emptyText: string;
}

/** A user's current groups: how they got in, since when, and until when. */
export function MembershipsTable({ user, ...rest }: MembershipsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: MembershipsTableFragment, fragmentName: 'MembershipsTable_user', from: user }),
  );
  return data ? <MembershipsTableView {...rest} user={data} /> : null;
}

interface MembershipsTableViewProps extends Omit<MembershipsTableProps, 'user'> {
  user: MembershipsTable_UserFragment;
}

function MembershipsTableView({ user, groupHref, emptyText }: MembershipsTableViewProps) {
  if (user.memberships.length === 0) return <EmptyMessage title="No groups">{emptyText}</EmptyMessage>;
  return (
    <ScrollTable label="Group memberships" minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">How</Table.Th>
          <Table.Th scope="col">Since</Table.Th>
          <Table.Th scope="col">Expires</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {user.memberships.map((membership) => (
          <Table.Tr key={membership.group.id}>
            <Table.Td>
              <Group gap={6}>
                <Anchor component={Link} to={groupHref(membership.group.id)}>
                  {membership.group.name}
                </Anchor>
                {membership.group.builtIn ? (
                  <Badge size="xs" variant="light" color="gray">
                    Built-in
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{MEMBERSHIP_SOURCE_LABELS[membership.source]}</Text>
              {membership.addedBy ? (
                <Text size="xs" c="dimmed">
                  by {membership.addedBy.displayName}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{formatDate(membership.createdAt)}</Table.Td>
            <Table.Td>{membership.expiresAt ? formatExpiry(membership.expiresAt) : 'Never'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
