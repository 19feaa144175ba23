import type { ApolloCache } from '@apollo/client';

/**
 * The viewer joined, left or asked: the group itself updates from the mutation's answer; what
 * lists groups ("My groups", led groups), lists requests, or derives from the viewer's
 * memberships (permissions, the navbar) is dropped so it is asked again.
 */
export function forgetViewerMembership(cache: ApolloCache, groupId: string, viewerId: string): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'groups' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'groupRequests' });
  cache.evict({ id: cache.identify({ __typename: 'Group', id: groupId }), fieldName: 'members' });
  const user = cache.identify({ __typename: 'User', id: viewerId });
  for (const fieldName of ['memberships', 'permissionOrigins', 'effectivePermissions', 'ledGroups']) {
    cache.evict({ id: user, fieldName });
  }
}
