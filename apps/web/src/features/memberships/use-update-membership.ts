import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetMembership } from '../groups/membership-cache';

const UpdateMembershipMutation = graphql(`
  mutation UpdateMembership($groupId: ID!, $userId: ID!, $expiresAt: DateTime) {
    updateMembership(groupId: $groupId, userId: $userId, expiresAt: $expiresAt) {
      expiresAt
    }
  }
`);

/**
 * Sets, changes or clears (null) a member's expiry (SPEC §20). A membership has no id, so the
 * group's member list and the member's groups are read again.
 */
export function useUpdateMembership(groupId: string) {
  return useMutation(UpdateMembershipMutation, {
    update(cache, _result, { variables }) {
      forgetMembership(cache, groupId, variables?.userId ? [String(variables.userId)] : []);
    },
  });
}
