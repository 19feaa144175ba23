import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// The form starts over from the saved answer, so its fragment is unmasked here (@unmask).
const UpdateGroupMutation = graphql(`
  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {
    updateGroup(id: $id, input: $input) {
      id
      memberCount
      ...GroupSettingsForm_group @unmask
      ...GroupPermissionsForm_group @unmask
      ...GroupsTable_group
    }
  }
`);

/**
 * Changes a group's settings or permissions. The group itself updates from the answer; lists
 * are fetched again (a new name moves a row), and members' permissions are re-read when a page
 * shows them (queries revalidate on mount).
 */
export function useUpdateGroup() {
  return useMutation(UpdateGroupMutation, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'groups' });
    },
  });
}
