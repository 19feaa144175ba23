import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $userId: ID, $expiresAt: DateTime) {
    createApiToken(name: $name, userId: $userId, expiresAt: $expiresAt) {
      id
      token
    }
  }
`);

/**
 * Mints a token for `ownerId` (yourself, or a service account as an admin). The answer holds
 * only the secret, so the owner's token list is dropped from the cache and fetched again.
 */
export function useCreateApiToken(ownerId: string) {
  return useMutation(CreateApiTokenMutation, {
    update(cache) {
      cache.evict({ id: cache.identify({ __typename: 'User', id: ownerId }), fieldName: 'apiTokens' });
    },
  });
}
