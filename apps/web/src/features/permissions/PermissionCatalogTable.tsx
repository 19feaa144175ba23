import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Badge, Code, Table } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { PermissionCatalogTable_PermissionFragment } from '../../gql/graphql';

export const PermissionCatalogTableFragment = graphql(`
  fragment PermissionCatalogTable_permission on PermissionInfo {
    key
    description
    builtIn
  }
`);

export interface PermissionCatalogTableProps {
  permissions: readonly FragmentType<typeof PermissionCatalogTableFragment>[];
}

export function PermissionCatalogTable({ permissions, ...rest }: PermissionCatalogTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: PermissionCatalogTableFragment, fragmentName: 'PermissionCatalogTable_permission', from: [...permissions] }),
  );
  return data ? <PermissionCatalogTableView {...rest} permissions={data} /> : null;
}

interface PermissionCatalogTableViewProps extends Omit<PermissionCatalogTableProps, 'permissions'> {
  permissions: readonly PermissionCatalogTable_PermissionFragment[];
}

function PermissionCatalogTableView({ permissions }: PermissionCatalogTableViewProps) {
  return (
    <ScrollTable label="Permission catalog" minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Key</Table.Th>
          <Table.Th scope="col">Grants</Table.Th>
          <Table.Th scope="col">Origin</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {permissions.map((permission) => (
          <Table.Tr key={permission.key}>
            <Table.Td>
              <Code>{permission.key}</Code>
            </Table.Td>
            <Table.Td>{permission.description}</Table.Td>
            <Table.Td>
              {permission.builtIn ? (
                <Badge variant="light" color="gray">
                  Built-in
                </Badge>
              ) : (
                <Badge variant="light" color="teal">
                  Custom
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
