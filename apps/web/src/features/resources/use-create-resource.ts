import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateResourceMutation = graphql(`
  mutation CreateResource($input: CreateResourceInput!) {
    createResource(input: $input) {
      id
      ...ResourcesTable_resource
    }
  }
`);

/** Registers a resource (resources.create); the lists are fetched again so it appears in its place. */
export function useCreateResource() {
  return useMutation(CreateResourceMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'resources' });
    },
  });
}
