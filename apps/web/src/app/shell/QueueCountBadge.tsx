import { useQuery } from '@apollo/client/react';
import { Badge, VisuallyHidden } from '@mantine/core';
import { graphql } from '../../gql';
import { POLL_INTERVAL_MS } from './NotificationBell';

// The navbar's own query: how many pending requests the viewer may decide (the server scopes
// `groupRequests` without `mine` to the viewer's queue).
const QueueCountQuery = graphql(`
  query QueueCount {
    groupRequests(filter: { status: PENDING }, first: 1) {
      totalCount
    }
  }
`);

/** The count beside "Approval queue"; nothing when the queue is empty. */
export function QueueCountBadge() {
  const { data } = useQuery(QueueCountQuery, { pollInterval: POLL_INTERVAL_MS });
  const count = data?.groupRequests.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="red.8" circle={count < 10} data-testid="queue-count">
      {count}
      <VisuallyHidden> pending</VisuallyHidden>
    </Badge>
  );
}
