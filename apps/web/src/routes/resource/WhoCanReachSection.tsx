import { useQuery } from '@apollo/client/react';
import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { PagedList } from '../../components/PagedList';
import { ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { LevelBadge } from '../../features/resources/LevelBadge';
import { graphql } from '../../gql';
import type { AccessLevel } from '../../gql/graphql';

const PAGE_SIZE = 25;

// Paged and filtered on its own, so this part of the page runs its own query.
const ResourceAccessorsQuery = graphql(`
  query ResourceAccessors($id: ID!, $minLevel: AccessLevel!, $first: Int!, $after: String) {
    resource(id: $id) {
      id
      accessors(minLevel: $minLevel, first: $first, after: $after) {
        edges {
          cursor
          node {
            level
            user {
              id
              displayName
              email
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export interface WhoCanReachSectionProps {
  resourceId: string;
  /** Link names to the admin's user pages. */
  linkUsers: boolean;
}

/** Everyone who reaches the resource, expanded through groups (editors and access.check holders). */
export function WhoCanReachSection({ resourceId, linkUsers }: WhoCanReachSectionProps) {
  const [minLevel, setMinLevel] = useState<AccessLevel>('READ');
  const levelLabelId = useId();
  const result = useQuery(ResourceAccessorsQuery, {
    variables: { id: resourceId, minLevel, first: PAGE_SIZE },
  });
  const accessors = usePagedList(result, (data) => data.resource?.accessors);

  return (
    <SectionCard
      title="Who can reach it"
      description="Every person it reaches — its owner, people granted directly, current members of granted groups — with their level. Public visibility and administrators are not listed one by one."
    >
      <Stack gap="md">
        <Group gap="sm" align="center">
          <Text size="sm" fw={500} id={levelLabelId}>
            At least
          </Text>
          <SegmentedControl
            aria-labelledby={levelLabelId}
            size="xs"
            value={minLevel}
            onChange={(value) => setMinLevel(value === 'WRITE' ? 'WRITE' : 'READ')}
            data={[
              { value: 'READ', label: 'Read' },
              { value: 'WRITE', label: 'Write' },
            ]}
          />
        </Group>
        <PagedList
          list={accessors}
          errorTitle="The list could not be loaded"
          gap="md"
          empty={<EmptyMessage title="Nobody listed">No one reaches it at this level through its owner or grants.</EmptyMessage>}
        >
          {(nodes) => (
            <ScrollTable label="People who can reach it" minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Level</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes.map((node) => (
                  <Table.Tr key={node.user.id}>
                    <Table.Td>
                      {linkUsers ? (
                        <Anchor component={Link} to={`/admin/users/${node.user.id}`}>
                          {node.user.displayName}
                        </Anchor>
                      ) : (
                        <Text size="sm">{node.user.displayName}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{node.user.email ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <LevelBadge level={node.level} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
          )}
        </PagedList>
      </Stack>
    </SectionCard>
  );
}
