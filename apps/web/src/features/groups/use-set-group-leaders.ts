import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { userIdsOf } from './membership-cache';

const SetGroupLeadersMutation = graphql(`
  mutation SetGroupLeaders($groupId: ID!, $userIds: [ID!]!, $groupIds: [ID!]!) {
    setGroupLeaders(groupId: $groupId, userIds: $userIds, groupIds: $groupIds) {
      id
      ...GroupLeadersForm_group
    }
  }
`);

/**
 * Replaces a group's leaders. Who leads what changed for the people added and removed, so their
 * `ledGroups` are dropped from the cache (the navbar's Leader section follows the viewer's).
 */
export function useSetGroupLeaders(previousLeaderIds: readonly string[]) {
  return useMutation(SetGroupLeadersMutation, {
    update(cache, _result, { variables }) {
      const userIds = new Set([...previousLeaderIds, ...userIdsOf(variables)]);
      for (const id of userIds) cache.evict({ id: cache.identify({ __typename: 'User', id }), fieldName: 'ledGroups' });
    },
  });
}
