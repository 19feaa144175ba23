import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// The form starts over from the saved answer, so its fragment is unmasked here (@unmask).
const UpdateResourceMutation = graphql(`
  mutation UpdateResource($id: ID!, $input: UpdateResourceInput!) {
    updateResource(id: $id, input: $input) {
      id
      ...ResourceDetailsForm_resource @unmask
    }
  }
`);

/** Renames or describes a resource; the normalized cache updates every place that shows it. */
export function useUpdateResource() {
  return useMutation(UpdateResourceMutation);
}
