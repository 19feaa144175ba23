import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateScimTokenMutation = graphql(`
  mutation CreateScimToken($name: String) {
    createScimToken(name: $name) {
      id
      token
    }
  }
`);

/**
 * Makes a provisioning token (and, the first time, the SCIM service account). The page's query is
 * fetched again: the account and its token list appear.
 */
export function useCreateScimToken() {
  return useMutation(CreateScimTokenMutation, { refetchQueries: ['AdminProvisioning'], awaitRefetchQueries: true });
}
