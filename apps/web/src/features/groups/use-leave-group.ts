import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { REQUEST_SIDE_QUERIES } from '../requests/request-cache';
import { forgetViewerMembership } from './viewer-membership-cache';

const LeaveGroupMutation = graphql(`
  mutation LeaveGroup($groupId: ID!, $reason: String) {
    leaveGroup(groupId: $groupId, reason: $reason) {
      outcome
      group {
        id
        ...GroupMembershipCard_group
        ...GroupDirectoryTable_group
      }
    }
  }
`);

/** Leaves at once, or asks to leave; the outcome says which (SPEC §5). */
export function useLeaveGroup(viewerId: string) {
  return useMutation(LeaveGroupMutation, {
    update(cache, { data }) {
      if (data) forgetViewerMembership(cache, data.leaveGroup.group.id, viewerId);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
