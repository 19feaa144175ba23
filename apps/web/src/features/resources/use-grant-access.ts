import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetAccess } from './access-cache';

const GrantAccessMutation = graphql(`
  mutation GrantAccess($resourceId: ID!, $level: AccessLevel!, $userId: ID, $groupId: ID, $expiresAt: DateTime) {
    grantAccess(resourceId: $resourceId, level: $level, userId: $userId, groupId: $groupId, expiresAt: $expiresAt) {
      id
      resource {
        id
        ...AccessEditor_resource
      }
    }
  }
`);

/**
 * Grants one user or group a level, optionally until a date; granting again changes the level
 * (and the expiry, so callers pass the one they want kept). The access list comes back with it.
 */
export function useGrantAccess() {
  return useMutation(GrantAccessMutation, {
    update(cache, _result, { variables }) {
      if (variables) forgetAccess(cache, String(variables.resourceId));
    },
  });
}
