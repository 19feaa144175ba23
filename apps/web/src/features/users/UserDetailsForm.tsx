import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { LIMITS } from '@gatehouse/shared';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { graphql } from '../../gql';
import type { UserDetailsForm_UserFragment } from '../../gql/graphql';
import { useUpdateUser } from './use-update-user';

export const UserDetailsFormFragment = graphql(`
  fragment UserDetailsForm_user on User {
    id
    displayName
    email
  }
`);

const FIELDS = ['displayName', 'email'] as const;

export interface UserDetailsFormProps {
  user: FragmentType<typeof UserDetailsFormFragment>;
}

/** An administrator edits someone's display name and email. */
export function UserDetailsForm({ user, ...rest }: UserDetailsFormProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: UserDetailsFormFragment, fragmentName: 'UserDetailsForm_user', from: user }),
  );
  return data ? <UserDetailsFormView {...rest} user={data} /> : null;
}

interface UserDetailsFormViewProps extends Omit<UserDetailsFormProps, 'user'> {
  user: UserDetailsForm_UserFragment;
}

function UserDetailsFormView({ user }: UserDetailsFormViewProps) {
  const [updateUser, { loading }] = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const changes = {
    ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
    ...(email.trim() !== (user.email ?? '') ? { email: email.trim() } : {}),
  };
  const unchanged = Object.keys(changes).length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (unchanged) return;
    setProblem(null);
    try {
      const { data } = await updateUser({ variables: { id: user.id, input: changes } });
      if (data) {
        setDisplayName(data.updateUser.displayName);
        setEmail(data.updateUser.email ?? '');
      }
      notifySuccess('Saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Name and email">
      <Stack gap="sm" maw={520}>
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <TextInput
          label="Display name"
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={problem?.fields['displayName']}
          maxLength={LIMITS.displayNameMax}
          disabled={loading}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={problem?.fields['email']}
          maxLength={LIMITS.emailMax}
          disabled={loading}
        />
        <Group>
          <Button type="submit" loading={loading} disabled={unchanged}>
            Save name and email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
