import { LIMITS } from '@gatehouse/shared';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useUpdateUser } from './use-update-user';
import { NewPasswordFields } from '../../components/NewPasswordFields';

const FIELDS = ['password'] as const;

export interface ResetPasswordFormProps {
  userId: string;
  displayName: string;
}

/** An administrator sets a new password for someone; their sessions end. */
export function ResetPasswordForm({ userId, displayName }: ResetPasswordFormProps) {
  const [updateUser, { loading }] = useUpdateUser();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (password !== confirm) {
      setConfirmError('The two passwords differ; type the same password twice.');
      return;
    }
    setConfirmError(null);
    try {
      await updateUser({ variables: { id: userId, input: { password } } });
      notifySuccess(`New password set for ${displayName}; their sessions have ended.`);
      setPassword('');
      setConfirm('');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Reset password">
      <Stack gap="sm" maw={520}>
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <NewPasswordFields
          label="New password"
          confirmLabel="Confirm new password"
          description={`At least ${LIMITS.passwordMin} characters, not their email. Tell them through a safe channel.`}
          value={password}
          onChange={setPassword}
          confirm={confirm}
          onConfirmChange={setConfirm}
          error={problem?.fields['password']}
          confirmError={confirmError}
          disabled={loading}
        />
        <Group>
          <Button type="submit" loading={loading} disabled={password === ''}>
            Set new password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
