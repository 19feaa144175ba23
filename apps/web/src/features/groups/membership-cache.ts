import type { ApolloCache } from '@apollo/client';

/**
 * Membership changed for a group and some users: the group's member list and each user's
 * groups and permissions are dropped from the cache, so whatever shows them fetches again.
 */
export function forgetMembership(cache: ApolloCache, groupId: string, userIds: readonly string[]): void {
  const group = cache.identify({ __typename: 'Group', id: groupId });
  cache.evict({ id: group, fieldName: 'members' });
  cache.evict({ id: group, fieldName: 'memberCount' });
  for (const userId of userIds) {
    const user = cache.identify({ __typename: 'User', id: userId });
    for (const fieldName of ['memberships', 'permissionOrigins', 'effectivePermissions', 'ledGroups']) {
      cache.evict({ id: user, fieldName });
    }
  }
}

/** The user ids a membership mutation was called with. */
export function userIdsOf(variables: { userIds?: unknown } | undefined): string[] {
  const ids = variables?.userIds;
  return Array.isArray(ids) ? ids.map(String) : [];
}
