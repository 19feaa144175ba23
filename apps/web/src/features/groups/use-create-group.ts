import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
      name
      ...GroupsTable_group
    }
  }
`);

/** Creates a group; group lists are fetched again (they are sorted by name on the server). */
export function useCreateGroup() {
  return useMutation(CreateGroupMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'groups' });
    },
  });
}
