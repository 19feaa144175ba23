import { useQuery } from '@apollo/client/react';
import { Anchor, List, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePagedList } from '../../app/paging/use-paged-list';
import { EmptyMessage } from '../../components/EmptyMessage';
import { PagedList } from '../../components/PagedList';
import { ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import { describeReason } from '../resources/access-words';
import { LevelBadge } from '../resources/LevelBadge';

// The card owns its paged query: the page around it loads the person, this loads what they reach.
// Ten a page, written into the query: each row carries its list of paths, so a page of 100 rows
// would come near the query cost limit.
const UserReachQuery = graphql(`
  query UserReach($userId: ID!, $after: String) {
    resources(userId: $userId, first: 10, after: $after) {
      edges {
        cursor
        node {
          id
          name
          kind
          accessExplanation(userId: $userId) {
            level
          }
          accessReasons(userId: $userId) {
            kind
            level
            expiresAt
            group {
              id
              name
            }
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
`);

export interface UserReachCardProps {
  userId: string;
  displayName: string;
}

/** "What this person can reach": every resource `resources(userId:)` answers, with each path to it. */
export function UserReachCard({ userId, displayName }: UserReachCardProps) {
  const result = useQuery(UserReachQuery, { variables: { userId } });
  const reach = usePagedList(result, (data) => data.resources);
  return (
    <SectionCard
      title="What they can reach"
      description={`Every resource ${displayName} can read or write, and why — the answer other applications get when they ask.`}
    >
      <PagedList
        list={reach}
        errorTitle="What they can reach could not be loaded"
        empty={<EmptyMessage title="Nothing">They cannot reach any resource.</EmptyMessage>}
      >
        {(nodes) => (
          <ScrollTable label={`Resources ${displayName} can reach`} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Resource</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Level</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((resource) => (
                <Table.Tr key={resource.id}>
                  <Table.Td style={{ maxWidth: '16rem', overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/resources/${resource.id}`} size="sm">
                      {resource.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{resource.kind}</Text>
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={resource.accessExplanation.level} />
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {resource.accessReasons.map((reason, index) => (
                        <List.Item key={`${reason.kind}-${reason.group?.id ?? index}`}>{describeReason(reason, 'them')}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </PagedList>
    </SectionCard>
  );
}
