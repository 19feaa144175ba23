import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const UpdateResourceMutation = graphql(`
  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {
    updateResource(id: $id, input: $input) {
      id
      ...ResourceDetailsForm_resource
    }
  }
`);

/** Renames or describes a resource; the normalized cache updates every place that shows it. */
export function useUpdateResource() {
  return useMutation(UpdateResourceMutation);
}
