import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { NotificationPreferencesForm_UserFragment } from '../../gql/graphql';
import { useSetNotificationPreferences } from './use-set-notification-preferences';

export const NotificationPreferencesFormFragment = graphql(`
  fragment NotificationPreferencesForm_user on User {
    id
    notificationPreferences {
      kind
      email
      label
      description
    }
  }
`);

export interface NotificationPreferencesFormProps {
  user: FragmentType<typeof NotificationPreferencesFormFragment>;
}

/** One switch per kind of notification: whether an email copy is sent (SPEC §18). Saved at each switch. */
export function NotificationPreferencesForm({ user }: NotificationPreferencesFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: NotificationPreferencesFormFragment, fragmentName: 'NotificationPreferencesForm_user', from: user }),
  );
  return data ? <NotificationPreferencesFormView user={data} /> : null;
}

function NotificationPreferencesFormView({ user }: { user: NotificationPreferencesForm_UserFragment }) {
  const [setEmail] = useSetNotificationPreferences(user.id);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async (kind: (typeof user.notificationPreferences)[number]['kind'], email: boolean) => {
    setProblem(null);
    try {
      await setEmail(kind, email, user.notificationPreferences);
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Stack gap="sm">
      {problem ? <ErrorAlert title="Your choice was not saved">{problem}</ErrorAlert> : null}
      {user.notificationPreferences.map((p) => (
        <Switch
          key={p.kind}
          label={p.label}
          description={p.description}
          checked={p.email}
          onChange={(event) => void toggle(p.kind, event.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
}
