import { PERMISSION_KEY_PATTERN } from '@gatehouse/shared';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useDefinePermission } from './use-define-permission';

const FIELDS = ['key', 'description'] as const;

/** Defines a custom permission key (`area.verb`) for an integration. */
export function DefinePermissionForm() {
  const [definePermission, { loading }] = useDefinePermission();
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmedKey = key.trim();
    // The shape is checked here only to answer at once; the server checks it again.
    if (!PERMISSION_KEY_PATTERN.test(trimmedKey)) {
      setProblem({
        code: null,
        reason: null,
        message: null,
        fields: { key: 'Use the form area.verb: lowercase letters, digits, - or _, with one dot (e.g. wiki.edit).' },
      });
      return;
    }
    setProblem(null);
    try {
      await definePermission({ variables: { key: trimmedKey, description: description.trim() } });
      notifySuccess(`Defined ${trimmedKey}.`);
      setKey('');
      setDescription('');
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <Group align="flex-start" grow wrap="wrap">
          <TextInput
            label="Key"
            description="area.verb, for example wiki.edit"
            required
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            error={problem?.fields['key']}
            maxLength={81}
            disabled={loading}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            miw={220}
          />
          <TextInput
            label="Description"
            description="What holding it lets someone do."
            required
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problem?.fields['description']}
            maxLength={500}
            disabled={loading}
            miw={280}
          />
        </Group>
        <Group>
          <Button type="submit" loading={loading}>
            Define permission
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
