import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetMembership, userIdsOf } from './membership-cache';

const RemoveGroupMembersMutation = graphql(`
  mutation RemoveGroupMembers($groupId: ID!, $userIds: [ID!]!, $reason: String) {
    removeGroupMembers(groupId: $groupId, userIds: $userIds, reason: $reason)
  }
`);

/** Removes members, with an optional reason the member is told. */
export function useRemoveGroupMembers(groupId: string) {
  return useMutation(RemoveGroupMembersMutation, {
    update(cache, _result, { variables }) {
      forgetMembership(cache, groupId, userIdsOf(variables));
    },
  });
}
