import { useQuery } from '@apollo/client/react';
import { Badge, VisuallyHidden } from '@mantine/core';
import { graphql } from '../../gql';
import { POLL_INTERVAL_MS } from './NotificationBell';

// The navbar's own query: how many review items the viewer may decide now (the server applies the
// same rule as each item's viewerCanDecide).
const ReviewItemsWaitingQuery = graphql(`
  query ReviewItemsWaiting {
    reviewItemsWaiting
  }
`);

/** The count beside "Access reviews"; nothing when no item waits for the viewer. */
export function ReviewCountBadge() {
  const { data } = useQuery(ReviewItemsWaitingQuery, { pollInterval: POLL_INTERVAL_MS });
  const count = data?.reviewItemsWaiting ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="red.8" circle={count < 10} data-testid="review-count">
      {count}
      <VisuallyHidden> to review</VisuallyHidden>
    </Badge>
  );
}
