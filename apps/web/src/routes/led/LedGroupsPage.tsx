import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { ScrollTable } from '../../components/ScrollTable';
import { GroupFlagBadges } from '../../features/groups/GroupFlagBadges';
import { graphql } from '../../gql';

const PAGE_SIZE = 50;

const LedGroupsQuery = graphql(`
  query LedGroups($first: Int!, $after: String) {
    groups(filter: { ledOnly: true }, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          joinPath
          memberCount
          maxMembers
          pendingRequestCount
          ...GroupFlagBadges_group
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export function LedGroupsPage() {
  const groups = usePagedList(useQuery(LedGroupsQuery, { variables: { first: PAGE_SIZE } }), (data) => data.groups);

  return (
    <Page
      title="Led groups"
      description="The groups you lead. Open one to manage its members, decide its requests and read its history."
    >
      <PagedList
        list={groups}
        errorTitle="Your groups could not be loaded"
        empty={<EmptyMessage title="You lead no group">When an admin makes you a leader of a group, it shows here.</EmptyMessage>}
      >
        {(nodes) => (
          <ScrollTable label="Led groups" minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col" ta="right">
                  Members
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Pending requests
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Td>
                    <Anchor component={Link} to={group.joinPath} fw={500}>
                      {group.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <GroupFlagBadges group={group} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {group.memberCount}
                    {group.maxMembers ? ` / ${group.maxMembers}` : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    {group.pendingRequestCount > 0 ? (
                      <Anchor component={Link} to={`/queue?groupId=${group.id}`} aria-label={`${group.pendingRequestCount} pending requests for ${group.name}`}>
                        <Badge variant="light" color="red" style={{ cursor: 'pointer' }}>
                          {group.pendingRequestCount}
                        </Badge>
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        0
                      </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
        )}
      </PagedList>
    </Page>
  );
}
