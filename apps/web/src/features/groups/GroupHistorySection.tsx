import { useQuery } from '@apollo/client/react';
import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { notifyFailure } from '../../components/notify';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import { AuditTable } from '../audit/AuditTable';

const PAGE_SIZE = 20;

// The history has its own cursor, so this part of the group page runs its own query.
const GroupHistoryQuery = graphql(`
  query GroupHistory($filter: AuditFilter!, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
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
  const [loadingMore, setLoadingMore] = useState(false);
  const [narrow, setNarrow] = useState<{ actorId?: string; userId?: string }>({});
  const { data, previousData, error, fetchMore } = useQuery(GroupHistoryQuery, {
    variables: { filter: { groupId, ...narrow }, first: PAGE_SIZE },
  });
  const events = (data ?? previousData)?.auditEvents;

  const loadMore = async () => {
    if (!events?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: events.pageInfo.endCursor } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

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
      {error && !events ? <ErrorAlert title="The history could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!events && !error ? <PageSkeleton /> : null}
      {events ? (
        events.edges.length === 0 ? (
          <EmptyMessage title="No events">Nothing has been recorded for this group yet.</EmptyMessage>
        ) : (
          <Stack gap="sm">
            <AuditTable
              events={events.edges.map((edge) => edge.node)}
              onFilter={(key, id) => {
                if (key !== 'groupId') setNarrow({ [key]: id });
              }}
            />
            <LoadMore
              shown={events.edges.length}
              hasMore={events.pageInfo.hasNextPage}
              loading={loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </Stack>
        )
      ) : null}
    </SectionCard>
  );
}
