import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { forgetMembership, userIdsOf } from './membership-cache';

const AddGroupMembersMutation = graphql(`
  mutation AddGroupMembers($groupId: ID!, $userIds: [ID!]!, $expiresAt: DateTime) {
    addGroupMembers(groupId: $groupId, userIds: $userIds, expiresAt: $expiresAt) {
      user {
        id
      }
      group {
        id
        memberCount
      }
    }
  }
`);

/** Adds members directly (current members are skipped by the server). */
export function useAddGroupMembers(groupId: string) {
  return useMutation(AddGroupMembersMutation, {
    update(cache, _result, { variables }) {
      forgetMembership(cache, groupId, userIdsOf(variables));
    },
  });
}
