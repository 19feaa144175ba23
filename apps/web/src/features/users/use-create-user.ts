import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      ...UsersTable_user
    }
  }
`);

/** Creates an account; the user list is fetched again so the new row appears in its place. */
export function useCreateUser() {
  return useMutation(CreateUserMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
    },
  });
}
