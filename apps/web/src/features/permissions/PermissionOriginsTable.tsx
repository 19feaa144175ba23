import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Code, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { PermissionOriginsTable_UserFragment } from '../../gql/graphql';

export const PermissionOriginsTableFragment = graphql(`
  fragment PermissionOriginsTable_user on User {
    id
    isActive
    permissionOrigins {
      key
      direct
      admin
      groups {
        id
        name
      }
    }
  }
`);

export interface PermissionOriginsTableProps {
  user: FragmentType<typeof PermissionOriginsTableFragment>;
  /** Where a group name links to (admin pages link to the admin group page). */
  groupHref: (groupId: string) => string;
}

/** Each effective permission and every reason it is held: given directly, administrator, via groups. */
export function PermissionOriginsTable({ user, ...rest }: PermissionOriginsTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: PermissionOriginsTableFragment, fragmentName: 'PermissionOriginsTable_user', from: user }),
  );
  return data ? <PermissionOriginsTableView {...rest} user={data} /> : null;
}

interface PermissionOriginsTableViewProps extends Omit<PermissionOriginsTableProps, 'user'> {
  user: PermissionOriginsTable_UserFragment;
}

function PermissionOriginsTableView({ user, groupHref }: PermissionOriginsTableViewProps) {
  if (user.permissionOrigins.length === 0) {
    return (
      <EmptyMessage title="No permissions">
        {user.isActive
          ? 'Nothing is given directly and no current group carries a permission.'
          : 'Deactivated accounts hold no permissions.'}
      </EmptyMessage>
    );
  }
  return (
    <ScrollTable label="Effective permissions" minWidth={480}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Permission</Table.Th>
          <Table.Th scope="col">Comes from</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {user.permissionOrigins.map((origin) => (
          <Table.Tr key={origin.key}>
            <Table.Td>
              <Code>{origin.key}</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                {origin.direct ? (
                  <Badge variant="light" color="grape">
                    Given directly
                  </Badge>
                ) : null}
                {origin.admin ? (
                  <Badge variant="light" color="red">
                    Administrator
                  </Badge>
                ) : null}
                {origin.groups.length > 0 ? (
                  <Text size="sm" span>
                    via{' '}
                    {origin.groups.map((group, index) => (
                      <span key={group.id}>
                        {index > 0 ? ', ' : null}
                        <Anchor component={Link} to={groupHref(group.id)} size="sm">
                          {group.name}
                        </Anchor>
                      </span>
                    ))}
                  </Text>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
