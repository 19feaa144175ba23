import { LIMITS } from '@gatehouse/shared';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChangePassword } from './use-change-password';
import { NewPasswordFields } from '../../components/NewPasswordFields';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Current password, new password twice. Other sessions end; this one stays. */
export function ChangePasswordForm() {
  const [changePassword, { loading }] = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (newPassword !== confirm) {
      setConfirmError('The two new passwords differ; type the same password twice.');
      return;
    }
    setConfirmError(null);
    try {
      await changePassword({ variables: { currentPassword, newPassword } });
      notifySuccess('Password changed. Your other sessions have been signed out.');
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change password">
      <Stack gap="sm" maw={520}>
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={problem?.fields['currentPassword']}
          maxLength={LIMITS.passwordMax}
          disabled={loading}
        />
        <NewPasswordFields
          label="New password"
          confirmLabel="Confirm new password"
          description={`At least ${LIMITS.passwordMin} characters, and not your email.`}
          value={newPassword}
          onChange={setNewPassword}
          confirm={confirm}
          onConfirmChange={setConfirm}
          error={problem?.fields['newPassword']}
          confirmError={confirmError}
          disabled={loading}
        />
        <Group>
          <Button type="submit" loading={loading}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
