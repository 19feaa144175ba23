import { Badge, Code, Table } from '@mantine/core';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { PermissionCatalog_PermissionFragment } from '../../gql/graphql';

export const PermissionCatalogFragment = graphql(`
  fragment PermissionCatalog_permission on PermissionInfo {
    key
    description
    builtIn
  }
`);

export interface PermissionCatalogTableProps {
  permissions: readonly PermissionCatalog_PermissionFragment[];
}

export function PermissionCatalogTable({ permissions }: PermissionCatalogTableProps) {
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
