import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { expiryOfDay, todayInputValue } from '../../components/dates';
import { notifySuccess } from '../../components/notify';
import { useCreateApiToken } from './use-create-api-token';

const FIELDS = ['name', 'expiresAt'] as const;

export interface CreateTokenFormProps {
  ownerId: string;
  /** Set when an admin mints for a service account; omitted for your own tokens. */
  forUserId?: string;
  onCreated: (created: { name: string; secret: string }) => void;
}

/** Name and optional expiry of a new API token. */
export function CreateTokenForm({ ownerId, forUserId, onCreated }: CreateTokenFormProps) {
  const [createToken, { loading }] = useCreateApiToken(ownerId);
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const expiresAt = expiresOn ? expiryOfDay(expiresOn) : null;
    if (expiresOn && !expiresAt) {
      setProblem({ code: null, reason: null, message: null, fields: { expiresAt: 'Enter a date, or leave it empty.' } });
      return;
    }
    try {
      const { data } = await createToken({ variables: { name: name.trim(), userId: forUserId ?? null, expiresAt } });
      if (!data) return;
      notifySuccess(`Created the token “${name.trim()}”.`);
      onCreated({ name: name.trim(), secret: data.createApiToken.token });
      setName('');
      setExpiresOn('');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Create an API token">
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Token name"
            description="So you can tell it apart later, e.g. “CI deploys”."
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem?.fields['name']}
            maxLength={100}
            disabled={loading}
            style={{ flex: '1 1 16rem' }}
          />
          <TextInput
            label="Expires on (optional)"
            description="Works through the end of that day."
            type="date"
            min={todayInputValue()}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={problem?.fields['expiresAt']}
            disabled={loading}
            style={{ flex: '0 1 12rem' }}
          />
          <Button type="submit" loading={loading}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
