import type { ApolloCache } from '@apollo/client';

/**
 * A request was created, withdrawn or decided: every list of requests and every pending count
 * is dropped from the cache, so the lists, the queue badge and group pages on screen ask again.
 */
export function forgetRequests(cache: ApolloCache, groupIds: readonly string[] = []): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'groupRequests' });
  for (const groupId of groupIds) {
    const group = cache.identify({ __typename: 'Group', id: groupId });
    cache.evict({ id: group, fieldName: 'pendingRequestCount' });
    cache.evict({ id: group, fieldName: 'viewerPendingRequest' });
  }
}

/** Queries outside the page that a request change moves: the navbar's queue count and the bell. */
export const REQUEST_SIDE_QUERIES = ['QueueCount', 'NotificationBell'];
