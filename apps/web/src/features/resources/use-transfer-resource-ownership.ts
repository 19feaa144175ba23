import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetAccess } from './access-cache';

const TransferResourceOwnershipMutation = graphql(`
  mutation TransferResourceOwnership($resourceId: ID!, $userId: ID!) {
    transferResourceOwnership(resourceId: $resourceId, userId: $userId) {
      id
      viewerLevel
      owner {
        id
        displayName
        email
      }
      ...AccessEditor_resource
    }
  }
`);

/** Gives the resource to another active user; the previous owner may lose write access with it. */
export function useTransferResourceOwnership() {
  return useMutation(TransferResourceOwnershipMutation, {
    update(cache, _result, { variables }) {
      if (variables) forgetAccess(cache, String(variables.resourceId));
    },
  });
}
