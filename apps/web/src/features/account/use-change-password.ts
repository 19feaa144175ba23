import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Changes your own password; the server ends your other sessions (nothing cached changes). */
export function useChangePassword() {
  return useMutation(ChangePasswordMutation);
}
