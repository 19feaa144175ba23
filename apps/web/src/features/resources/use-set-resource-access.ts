import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetAccess } from './access-cache';

const SetResourceAccessMutation = graphql(`
  mutation SetResourceAccess($resourceId: ID!, $input: AccessControlInput!) {
    setResourceAccess(resourceId: $resourceId, input: $input) {
      id
      ...AccessEditor_resource
    }
  }
`);

/** Replaces visibility and the whole access list; grants that stay keep their expiry. */
export function useSetResourceAccess() {
  return useMutation(SetResourceAccessMutation, {
    update(cache, _result, { variables }) {
      if (variables) forgetAccess(cache, String(variables.resourceId));
    },
  });
}
