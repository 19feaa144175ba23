import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

/** Revokes a token; the owner's list is fetched again to show when it was revoked. */
export function useRevokeApiToken(ownerId: string) {
  return useMutation(RevokeApiTokenMutation, {
    update(cache) {
      cache.evict({ id: cache.identify({ __typename: 'User', id: ownerId }), fieldName: 'apiTokens' });
    },
  });
}
