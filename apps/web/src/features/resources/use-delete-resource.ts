import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const DeleteResourceMutation = graphql(`
  mutation DeleteResource($id: ID!) {
    deleteResource(id: $id)
  }
`);

/**
 * Deletes a resource and its grants. Lists are fetched again; the resource's own entry stays until
 * the page that showed it is gone (evicting it first would flash "not found").
 */
export function useDeleteResource() {
  return useMutation(DeleteResourceMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'resources' });
    },
  });
}
