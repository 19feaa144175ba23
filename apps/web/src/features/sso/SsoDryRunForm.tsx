import { useLazyQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { readProblem } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { SsoGroupSync } from '../../gql/graphql';
import { UserPicker, type PickedUser } from '../users/UserPicker';
import { describePreview, listInWords } from './sync-preview-words';

// Asked on demand, for whoever is picked with whatever is pasted: the form owns this question.
const SsoSyncPreviewQuery = graphql(`
  query SsoSyncPreview($userId: ID!, $claimValue: String!) {
    ssoSyncPreview(userId: $userId, claimValue: $claimValue) {
      claimed
      join
      leave
      create
      blocked
    }
  }
`);

const CLAIM_MAX = 20_000;

export interface SsoDryRunFormProps {
  /** The saved sync mode: the server's preview uses the saved settings, not unsaved edits. */
  groupSync: SsoGroupSync;
}

/** "What would a sign-on with this claim do to this person?" — answered by the server, nothing written. */
export function SsoDryRunForm({ groupSync }: SsoDryRunFormProps) {
  const [picked, setPicked] = useState<PickedUser[]>([]);
  const [claimValue, setClaimValue] = useState('');
  const [asked, setAsked] = useState<{ user: PickedUser; groupSync: SsoGroupSync } | null>(null);
  const [userError, setUserError] = useState<string | null>(null);
  const [preview, { data, loading, error }] = useLazyQuery(SsoSyncPreviewQuery, { fetchPolicy: 'network-only' });
  const user = picked[0] ?? null;
  const problem = error ? readProblem(error, { fields: ['claimValue'] }) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) {
      setUserError('Pick the person whose sign-on to try.');
      return;
    }
    setUserError(null);
    setAsked({ user, groupSync });
    void preview({ variables: { userId: user.id, claimValue } }).catch(() => undefined);
  };

  const result = asked && data && !loading ? describePreview(data.ssoSyncPreview, asked.groupSync) : null;

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label="Dry run">
        <Stack gap="sm">
          <UserPicker
            label="User"
            description="Whose sign-on to try."
            value={picked}
            onChange={(users) => {
              setPicked(users.slice(-1));
              setUserError(null);
            }}
            error={userError}
          />
          <Textarea
            label="Claim value"
            description='What the provider would send in the groups claim: a JSON array such as ["Engineering", "Ops"], or names separated by commas.'
            value={claimValue}
            onChange={(event) => setClaimValue(event.currentTarget.value)}
            error={problem?.fields['claimValue']}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={CLAIM_MAX}
          />
          <Group>
            <Button type="submit" variant="default" loading={loading}>
              Run dry run
            </Button>
          </Group>
        </Stack>
      </form>
      {problem?.message ? <ErrorAlert title="The dry run did not work">{problem.message}</ErrorAlert> : null}
      {asked && result ? (
        <section aria-label={`Dry run for ${asked.user.label}`} aria-live="polite">
          <Stack gap="xs">
            <Text fw={600}>If {asked.user.label} signed on now:</Text>
            <Text>{result.summary}</Text>
            {result.lines.map((line) => (
              <Text key={line.key} data-outcome={line.key}>
                <Text span fw={600}>
                  {line.heading}:
                </Text>{' '}
                {listInWords(line.names)}.
              </Text>
            ))}
            <Text size="sm" c="dimmed">
              Nothing was changed. The dry run uses the saved settings.
            </Text>
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
