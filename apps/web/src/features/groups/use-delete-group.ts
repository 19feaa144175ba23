import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const DeleteGroupMutation = graphql(`
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`);

/**
 * Deletes a group. Lists are fetched again; the group's own entry stays until the page that
 * showed it is gone (evicting it first would flash "not found" under the person's cursor).
 */
export function useDeleteGroup() {
  return useMutation(DeleteGroupMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'groups' });
    },
  });
}
