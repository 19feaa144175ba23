import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { NotificationKind } from '../../gql/graphql';

const SetNotificationPreferencesMutation = graphql(`
  mutation SetNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    setNotificationPreferences(preferences: $preferences) {
      kind
      email
      label
      description
    }
  }
`);

/**
 * Switches email copies of one kind on or off. The answer is every kind; preferences have no id of
 * their own, so the answer replaces the user's list in the cache (optimistically first: the
 * switch moves at once and moves back if the server refuses).
 */
export function useSetNotificationPreferences(userId: string) {
  const [mutate, state] = useMutation(SetNotificationPreferencesMutation, {
    update(cache, { data }) {
      if (!data) return;
      cache.modify({
        id: cache.identify({ __typename: 'User', id: userId }),
        fields: { notificationPreferences: () => data.setNotificationPreferences },
      });
    },
  });
  const setEmail = (kind: NotificationKind, email: boolean, current: readonly { kind: NotificationKind; email: boolean; label: string; description: string }[]) =>
    mutate({
      variables: { preferences: [{ kind, email }] },
      optimisticResponse: {
        setNotificationPreferences: current.map((p) => ({ __typename: 'NotificationPreference' as const, ...p, email: p.kind === kind ? email : p.email })),
      },
    });
  return [setEmail, state] as const;
}
