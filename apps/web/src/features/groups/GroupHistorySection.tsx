import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { usePagedList } from '../../app/paging/use-paged-list';
import { localTimeZone } from '../../components/dates';
import { EmptyMessage } from '../../components/EmptyMessage';
import { PagedList } from '../../components/PagedList';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import { AuditTable } from '../audit/AuditTable';

const PAGE_SIZE = 20;

// The history has its own cursor, so this part of the group page runs its own query.
const GroupHistoryQuery = graphql(`
  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String, $timeZone: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...AuditTable_event
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export interface GroupHistorySectionProps {
  groupId: string;
}

/** A group's audit events, newest first (for those with `viewerCan.readHistory`). */
export function GroupHistorySection({ groupId }: GroupHistorySectionProps) {
  const [narrow, setNarrow] = useState<{ actorId?: string; userId?: string }>({});
  const result = useQuery(GroupHistoryQuery, {
    variables: { filter: { groupId, ...narrow }, first: PAGE_SIZE, timeZone: localTimeZone() },
  });
  const events = usePagedList(result, (data) => data.auditEvents);

  return (
    <SectionCard
      title="History"
      description="Everything that happened to this group and its members, newest first. Click a name to see only that person’s events."
      actions={
        narrow.actorId || narrow.userId ? (
          <Button variant="default" size="xs" onClick={() => setNarrow({})}>
            Show every event
          </Button>
        ) : null
      }
    >
      <PagedList
        list={events}
        errorTitle="The history could not be loaded"
        empty={<EmptyMessage title="No events">Nothing has been recorded for this group yet.</EmptyMessage>}
      >
        {(nodes) => (
          <AuditTable
            events={nodes}
            onFilter={(key, id) => {
              if (key !== 'groupId') setNarrow({ [key]: id });
            }}
          />
        )}
      </PagedList>
    </SectionCard>
  );
}
