import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetMembership } from '../groups/membership-cache';
import { forgetRequests, REQUEST_SIDE_QUERIES } from './request-cache';

const DecideRequestsMutation = graphql(`
  mutation DecideRequests($requestIds: [ID!]!, $approve: Boolean!, $comment: String) {
    decideRequests(requestIds: $requestIds, approve: $approve, comment: $comment) {
      requestId
      ok
      error {
        code
        reason
        message
      }
      request {
        id
        status
        user {
          id
        }
        group {
          id
        }
      }
    }
  }
`);

/** Approves or rejects many requests with one comment; the answer says which were decided. */
export function useDecideRequests() {
  return useMutation(DecideRequestsMutation, {
    update(cache, { data }) {
      const decided = data?.decideRequests.flatMap((result) => (result.ok && result.request ? [result.request] : [])) ?? [];
      forgetRequests(cache, [...new Set(decided.map((request) => request.group.id))]);
      for (const request of decided) forgetMembership(cache, request.group.id, [request.user.id]);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
