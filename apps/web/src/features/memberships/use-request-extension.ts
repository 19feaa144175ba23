import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetRequests, REQUEST_SIDE_QUERIES } from '../requests/request-cache';

const RequestExtensionMutation = graphql(`
  mutation RequestExtension($groupId: ID!, $until: DateTime!, $reason: String) {
    requestExtension(groupId: $groupId, until: $until, reason: $reason) {
      id
      kind
      status
      requestedUntil
      group {
        id
        ...GroupMembershipCard_group
      }
    }
  }
`);

/** Asks the group's approvers for a later expiry (SPEC §20): a pending EXTEND request. */
export function useRequestExtension() {
  return useMutation(RequestExtensionMutation, {
    update(cache) {
      // The group's own fields (its pending request, what the viewer may do) come back with the answer.
      forgetRequests(cache);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
