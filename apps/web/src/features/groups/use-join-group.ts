import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { REQUEST_SIDE_QUERIES } from '../requests/request-cache';
import { forgetViewerMembership } from './viewer-membership-cache';

const JoinGroupMutation = graphql(`
  mutation JoinGroup($groupId: ID!, $reason: String) {
    joinGroup(groupId: $groupId, reason: $reason) {
      outcome
      group {
        id
        ...GroupMembershipCard_group
        ...GroupDirectoryTable_group
      }
    }
  }
`);

/** Joins an open group at once, or asks to join; the outcome says which (SPEC §4). */
export function useJoinGroup(viewerId: string) {
  return useMutation(JoinGroupMutation, {
    update(cache, { data }) {
      if (data) forgetViewerMembership(cache, data.joinGroup.group.id, viewerId);
    },
    refetchQueries: REQUEST_SIDE_QUERIES,
  });
}
