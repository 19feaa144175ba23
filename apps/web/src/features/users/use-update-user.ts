import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      displayName
      email
      isActive
      isAdmin
      effectivePermissions
      ledGroups {
        id
      }
      ...PermissionOriginsTable_user
      ...MembershipsTable_user
      ...ApiTokensCard_user
    }
  }
`);

/**
 * Changes an account. The answer carries everything a change can move — status, admin flag,
 * effective permissions and their origins, memberships (deactivation can end them through the
 * permission-loss policy), tokens — so every page and
 * the navbar show the new truth from the normalized cache. The user list is refetched because
 * a name or status change can move a row.
 */
export function useUpdateUser() {
  return useMutation(UpdateUserMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
    },
  });
}
