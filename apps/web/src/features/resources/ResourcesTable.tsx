import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { ScrollTable } from '../../components/ScrollTable';
import { graphql } from '../../gql';
import type { ResourcesTable_ResourceFragment } from '../../gql/graphql';
import { VISIBILITY_LABELS } from './access-words';
import { LevelBadge } from './LevelBadge';

export const ResourcesTableFragment = graphql(`
  fragment ResourcesTable_resource on Resource {
    id
    kind
    name
    externalId
    visibility
    viewerLevel
    owner {
      id
      displayName
    }
  }
`);

export interface ResourcesTableProps {
  resources: readonly FragmentType<typeof ResourcesTableFragment>[];
}

/** Resources with their kind, owner, visibility and the reader's own level. */
export function ResourcesTable({ resources, ...rest }: ResourcesTableProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: ResourcesTableFragment, fragmentName: 'ResourcesTable_resource', from: [...resources] }),
  );
  return data ? <ResourcesTableView {...rest} resources={data} /> : null;
}

interface ResourcesTableViewProps extends Omit<ResourcesTableProps, 'resources'> {
  resources: readonly ResourcesTable_ResourceFragment[];
}

function ResourcesTableView({ resources }: ResourcesTableViewProps) {
  return (
    <ScrollTable label="Resource list" minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">External id</Table.Th>
          <Table.Th scope="col">Owner</Table.Th>
          <Table.Th scope="col">Visibility</Table.Th>
          <Table.Th scope="col">Your level</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {resources.map((resource) => (
          <Table.Tr key={resource.id}>
            <Table.Td>
              <Anchor component={Link} to={`/resources/${resource.id}`} fw={500}>
                {resource.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Code>{resource.kind}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{resource.externalId ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{resource.owner?.displayName ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={resource.visibility === 'PUBLIC' ? 'teal' : 'gray'}>
                {VISIBILITY_LABELS[resource.visibility]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <LevelBadge level={resource.viewerLevel} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
