import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetRequests, REQUEST_SIDE_QUERIES } from './request-cache';

const RejectRequestMutation = graphql(`
  mutation RejectRequest($requestId: ID!, $comment: String) {
    rejectRequest(requestId: $requestId, comment: $comment) {
      id
      status
      decidedAt
      decisionComment
      group {
        id
      }
    }
  }
`);

/** Rejects one request; no membership changes. */
export function useRejectRequest() {
  return useMutation(RejectRequestMutation, {
    update(cache, { data }) {
      if (data) forgetRequests(cache, [data.rejectRequest.group.id]);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
