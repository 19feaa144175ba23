import { LIMITS } from '@gatehouse/shared';
import { Button, Checkbox, Group, Modal, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import type { UserKind } from '../../gql/graphql';
import { useCreateUser } from './use-create-user';

const FIELDS = ['email', 'displayName', 'password', 'kind', 'isAdmin'] as const;

export interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A new person or service account. */
export function CreateUserModal({ opened, onClose }: CreateUserModalProps) {
  const [createUser, { loading }] = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [kind, setKind] = useState<UserKind>('HUMAN');
  const [isAdmin, setIsAdmin] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const service = kind === 'SERVICE';

  const close = () => {
    setEmail('');
    setDisplayName('');
    setPassword('');
    setKind('HUMAN');
    setIsAdmin(false);
    setProblem(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await createUser({
        variables: {
          input: {
            email: email.trim(),
            displayName: displayName.trim(),
            kind,
            // Service accounts have neither; sending them would only earn an error.
            password: service || password === '' ? null : password,
            isAdmin: service ? false : isAdmin,
          },
        },
      });
      notifySuccess(`Created the account of ${displayName.trim()}.`);
      close();
    } catch (error) {
      setProblem(readProblem(error, { fields: FIELDS }));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem?.message ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <Radio.Group
            label="Kind of account"
            value={kind}
            onChange={(value) => setKind(value === 'SERVICE' ? 'SERVICE' : 'HUMAN')}
            error={problem?.fields['kind']}
          >
            <Stack gap={6} mt={6}>
              <Radio
                value="HUMAN"
                label="Person"
                description="Signs in with a password (or single sign-on) and joins the default groups, such as Member."
                disabled={loading}
              />
              <Radio
                value="SERVICE"
                label="Service account"
                description="For an integration: uses API tokens only and joins the System group."
                disabled={loading}
              />
            </Stack>
          </Radio.Group>
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={problem?.fields['email']}
            maxLength={LIMITS.emailMax}
            disabled={loading}
            data-autofocus
          />
          <TextInput
            label="Display name"
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={problem?.fields['displayName']}
            maxLength={LIMITS.displayNameMax}
            disabled={loading}
          />
          {service ? (
            <Text size="sm" c="dimmed">
              Service accounts have no password and cannot be administrators: create an API token on their page
              once the account exists.
            </Text>
          ) : (
            <>
              <PasswordInput
                label="Password (optional)"
                description={`At least ${LIMITS.passwordMin} characters, not the email. Leave empty to set it later with a password reset.`}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={problem?.fields['password']}
                maxLength={LIMITS.passwordMax}
                disabled={loading}
              />
              <Checkbox
                label="Administrator"
                description="Administrators hold every permission and may change everything."
                checked={isAdmin}
                onChange={(event) => setIsAdmin(event.currentTarget.checked)}
                error={problem?.fields['isAdmin']}
                disabled={loading}
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
