import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const SetUserPermissionsMutation = graphql(`
  mutation SetUserPermissions($userId: ID!, $permissions: [String!]!) {
    setUserPermissions(userId: $userId, permissions: $permissions) {
      id
      permissions
      effectivePermissions
      ...PermissionOriginsTable_user
      ...MembershipsTable_user
    }
  }
`);

/**
 * Replaces a user's direct permissions. The answer brings their effective permissions and
 * memberships too: losing groups.request can end memberships (SPEC §8).
 */
export function useSetUserPermissions() {
  return useMutation(SetUserPermissionsMutation);
}
