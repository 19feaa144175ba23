import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
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
          ...GroupFlags_group
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
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, error, fetchMore } = useQuery(LedGroupsQuery, { variables: { first: PAGE_SIZE } });
  const groups = (data ?? previousData)?.groups;

  const loadMore = async () => {
    if (!groups?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: groups.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page
      title="Led groups"
      description="The groups you lead. Open one to manage its members, decide its requests and read its history."
    >
      {error && !groups ? <ErrorAlert title="Your groups could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!groups && !error ? <PageSkeleton /> : null}
      {groups ? (
        groups.edges.length === 0 ? (
          <EmptyMessage title="You lead no group">When an admin makes you a leader of a group, it shows here.</EmptyMessage>
        ) : (
          <Stack gap="sm">
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
                {groups.edges.map(({ node: group }) => (
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
            <LoadMore
              shown={groups.edges.length}
              total={groups.totalCount}
              hasMore={groups.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </Page>
  );
}
