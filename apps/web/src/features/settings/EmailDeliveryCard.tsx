import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconMailOff } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { readProblem, type Problem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { graphql } from '../../gql';
import type { TestEmailMutation } from '../../gql/graphql';
import { useTestEmail } from './use-test-email';

export const EmailDeliveryCardFragment = graphql(`
  fragment EmailDeliveryCard_settings on Settings {
    emailDelivery {
      enabled
      server
      from
    }
  }
`);

export interface EmailDeliveryCardProps {
  settings: FragmentType<typeof EmailDeliveryCardFragment>;
}

/** Whether this server sends email (SMTP_URL) and a test email with the SMTP server's answer (SPEC §18). */
export function EmailDeliveryCard({ settings }: EmailDeliveryCardProps) {
  const { data, complete } = useFragment({ fragment: EmailDeliveryCardFragment, fragmentName: 'EmailDeliveryCard_settings', from: settings });
  if (!complete) return null;
  const delivery = data.emailDelivery;
  return (
    <SectionCard
      title="Email"
      description="Copies of notifications by email; each person chooses which kinds in their account. Set by the server's environment (SMTP_URL, MAIL_FROM, PUBLIC_URL)."
    >
      {delivery.enabled ? (
        <Stack gap="sm">
          <Text size="sm">
            Sending through <Code>{delivery.server}</Code> as <Code>{delivery.from}</Code>.
          </Text>
          <TestEmailForm />
        </Stack>
      ) : (
        <Alert color="gray" variant="light" icon={<IconMailOff aria-hidden />} title="Email is off">
          SMTP_URL is not set, so notifications are in-app only. Set SMTP_URL, MAIL_FROM and PUBLIC_URL and restart the server to send
          email.
        </Alert>
      )}
    </SectionCard>
  );
}

function TestEmailForm() {
  const [send, { loading }] = useTestEmail();
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [answer, setAnswer] = useState<TestEmailMutation['testEmail'] | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setAnswer(null);
    try {
      const { data } = await send({ variables: { to: to.trim() } });
      if (data) setAnswer(data.testEmail);
    } catch (error) {
      setProblem(readProblem(error, { fields: ['to'] }));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={520}>
        {problem?.message && !problem.fields['to'] ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Send a test email to"
            type="email"
            placeholder="you@example.org"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={problem?.fields['to']}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={loading} disabled={to.trim() === ''}>
            Send test email
          </Button>
        </Group>
        {answer ? (
          <Alert
            color={answer.accepted ? 'green' : 'red'}
            variant="light"
            role="status"
            icon={answer.accepted ? <IconCheck aria-hidden /> : undefined}
            title={answer.accepted ? 'The SMTP server accepted the test email' : 'The SMTP server did not take the test email'}
          >
            <Text size="sm">
              Its answer{answer.code !== null ? ` (${answer.code})` : ''}: <Code>{answer.response}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              {answer.durationMs} ms
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
