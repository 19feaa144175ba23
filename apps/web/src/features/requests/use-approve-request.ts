import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetMembership } from '../groups/membership-cache';
import { forgetRequests, REQUEST_SIDE_QUERIES } from './request-cache';

const ApproveRequestMutation = graphql(`
  mutation ApproveRequest($requestId: ID!, $comment: String, $expiresAt: DateTime) {
    approveRequest(requestId: $requestId, comment: $comment, expiresAt: $expiresAt) {
      id
      status
      decidedAt
      decisionComment
      user {
        id
      }
      group {
        id
      }
    }
  }
`);

/** Approves one request; the requester's membership changes, so it is re-read where shown. */
export function useApproveRequest() {
  return useMutation(ApproveRequestMutation, {
    update(cache, { data }) {
      if (!data) return;
      const { group, user } = data.approveRequest;
      forgetRequests(cache, [group.id]);
      forgetMembership(cache, group.id, [user.id]);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
