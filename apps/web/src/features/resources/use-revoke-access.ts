import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetAccess } from './access-cache';

const RevokeAccessMutation = graphql(`
  mutation RevokeAccess($grantId: ID!) {
    revokeAccess(grantId: $grantId)
  }
`);

/** Removes one grant. The grant leaves the cache, so lists holding it drop the row at once. */
export function useRevokeAccess(resourceId: string) {
  return useMutation(RevokeAccessMutation, {
    update(cache, _result, { variables }) {
      if (!variables) return;
      cache.evict({ id: cache.identify({ __typename: 'Grant', id: variables.grantId }) });
      cache.gc();
      forgetAccess(cache, resourceId);
    },
  });
}
