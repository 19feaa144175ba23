import { LIMITS } from '@gatehouse/shared';
import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readProblem, type Problem } from '../../app/graphql-errors';
import type { SetupInput } from '../../gql/graphql';
import { NewPasswordFields } from '../../components/NewPasswordFields';

const FIELDS = ['email', 'displayName', 'password'] as const;

export interface NewAccountFormProps {
  submitLabel: string;
  /** Throws the Apollo error when the server refuses; the form shows it. */
  onSubmit: (input: SetupInput) => Promise<void>;
  pending: boolean;
}

/** Email, display name, password and its confirmation: the first admin, or a self sign-up. */
export function NewAccountForm({ submitLabel, onSubmit, pending }: NewAccountFormProps) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
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
      await onSubmit({ email: email.trim(), displayName: displayName.trim(), password });
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={problem?.fields['email']}
          maxLength={LIMITS.emailMax}
          disabled={pending}
        />
        <TextInput
          label="Display name"
          description="The name other people see."
          autoComplete="name"
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={problem?.fields['displayName']}
          maxLength={LIMITS.displayNameMax}
          disabled={pending}
        />
        <NewPasswordFields
          label="Password"
          confirmLabel="Confirm password"
          description={`At least ${LIMITS.passwordMin} characters, and not your email.`}
          value={password}
          onChange={setPassword}
          confirm={confirm}
          onConfirmChange={setConfirm}
          error={problem?.fields['password']}
          confirmError={confirmError}
          disabled={pending}
        />
        <Button type="submit" loading={pending} fullWidth mt="xs">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
