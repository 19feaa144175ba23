import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetRequests, REQUEST_SIDE_QUERIES } from './request-cache';

const WithdrawRequestMutation = graphql(`
  mutation WithdrawRequest($requestId: ID!) {
    withdrawRequest(requestId: $requestId) {
      id
      status
      group {
        id
      }
    }
  }
`);

/** Withdraws the viewer's own pending request. */
export function useWithdrawRequest() {
  return useMutation(WithdrawRequestMutation, {
    update(cache, { data }) {
      forgetRequests(cache, data ? [data.withdrawRequest.group.id] : []);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
