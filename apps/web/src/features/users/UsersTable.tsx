import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDate, formatDateTime } from '../../components/format-date';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { UsersTable_UserFragment } from '../../gql/graphql';
import { USER_KIND_LABELS } from './user-label';

export const UsersTableFragment = graphql(`
  fragment UsersTable_user on User {
    id
    displayName
    email
    kind
    isAdmin
    isActive
    createdAt
    lastSignInAt
  }
`);

export interface UsersTableProps {
  users: readonly FragmentType<typeof UsersTableFragment>[];
}

export function UsersTable({ users, ...rest }: UsersTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: UsersTableFragment, fragmentName: 'UsersTable_user', from: [...users] }),
  );
  return data ? <UsersTableView {...rest} users={data} /> : null;
}

interface UsersTableViewProps extends Omit<UsersTableProps, 'users'> {
  users: readonly UsersTable_UserFragment[];
}

function UsersTableView({ users }: UsersTableViewProps) {
  return (
    <ScrollTable label="Users" minWidth={880}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Email</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">Admin</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Last sign-in</Table.Th>
          <Table.Th scope="col">Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500}>
                {user.displayName}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.email ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={user.kind === 'SERVICE' ? 'cyan' : 'gray'}>
                {USER_KIND_LABELS[user.kind]}
              </Badge>
            </Table.Td>
            <Table.Td>
              {user.isAdmin ? (
                <Badge variant="light" color="red">
                  Admin
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  No
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {user.isActive ? (
                <Badge variant="light" color="green">
                  Active
                </Badge>
              ) : (
                <Badge variant="light" color="orange">
                  Deactivated
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {user.lastSignInAt ? (
                formatDateTime(user.lastSignInAt)
              ) : (
                <Text size="sm" c="dimmed">
                  {user.kind === 'SERVICE' ? 'Tokens only' : 'Never'}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDate(user.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
