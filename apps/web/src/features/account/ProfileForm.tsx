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
import type { ProfileForm_UserFragment } from '../../gql/graphql';
import { useUpdateUser } from '../users/use-update-user';

export const ProfileFormFragment = graphql(`
  fragment ProfileForm_user on User {
    id
    displayName
    email
  }
`);

const FIELDS = ['displayName'] as const;

export interface ProfileFormProps {
  user: FragmentType<typeof ProfileFormFragment>;
}

/** Your display name (yours to change) and email (an administrator's). */
export function ProfileForm({ user, ...rest }: ProfileFormProps) {
  const data = useCompleteFragment(useFragment({ fragment: ProfileFormFragment, fragmentName: 'ProfileForm_user', from: user }));
  return data ? <ProfileFormView {...rest} user={data} /> : null;
}

interface ProfileFormViewProps extends Omit<ProfileFormProps, 'user'> {
  user: ProfileForm_UserFragment;
}

function ProfileFormView({ user }: ProfileFormViewProps) {
  const [updateUser, { loading }] = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [problem, setProblem] = useState<Problem | null>(null);
  const unchanged = displayName.trim() === user.displayName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const { data } = await updateUser({ variables: { id: user.id, input: { displayName: displayName.trim() } } });
      if (data) setDisplayName(data.updateUser.displayName);
      notifySuccess('Your display name is saved.');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={520}>
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <TextInput
          label="Display name"
          description="The name other people see."
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={problem?.fields['displayName']}
          maxLength={LIMITS.displayNameMax}
          disabled={loading}
        />
        <TextInput
          label="Email"
          description="Only an administrator can change your email."
          value={user.email ?? ''}
          readOnly
          variant="filled"
        />
        <Group>
          <Button type="submit" loading={loading} disabled={unchanged}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
