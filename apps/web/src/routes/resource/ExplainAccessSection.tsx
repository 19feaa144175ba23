import { useLazyQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { AccessExplanationView } from '../../features/resources/AccessExplanationView';
import { UserPicker, type PickedUser } from '../../features/users/UserPicker';
import { graphql } from '../../gql';

// Asked on demand, for whoever is picked: the section owns this question.
// An explanation has no id, so the cache cannot hand it to `useFragment`: its fragment is unmasked.
const ExplainUserAccessQuery = graphql(`
  query ExplainUserAccess($resourceId: ID!, $userId: ID!) {
    explainAccess(resourceId: $resourceId, userId: $userId) {
      ...AccessExplanationView_explanation @unmask
    }
  }
`);

export interface ExplainAccessSectionProps {
  resourceId: string;
}

/** "Why can (or can't) this person reach it?" — every path, in words (admins and access.check holders). */
export function ExplainAccessSection({ resourceId }: ExplainAccessSectionProps) {
  const [picked, setPicked] = useState<PickedUser[]>([]);
  const [asked, setAsked] = useState<PickedUser | null>(null);
  const [explain, { data, loading, error }] = useLazyQuery(ExplainUserAccessQuery, { fetchPolicy: 'network-only' });
  const user = picked[0] ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    setAsked(user);
    void explain({ variables: { resourceId, userId: user.id } }).catch(() => undefined);
  };

  return (
    <SectionCard
      title="Explain access for a user"
      description="Pick someone to see their level on this resource and every path that gives it to them."
    >
      <Stack gap="md">
        <form onSubmit={submit} noValidate aria-label="Explain access for a user">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 20rem' }}>
              <UserPicker label="User to explain" value={picked} onChange={(users) => setPicked(users.slice(-1))} />
            </div>
            <Button type="submit" variant="default" disabled={!user} loading={loading}>
              Explain
            </Button>
          </Group>
        </form>
        {error ? <ErrorAlert title="Could not explain their access">{problemMessage(error)}</ErrorAlert> : null}
        {asked && data && !loading ? (
          <section aria-label={`Access of ${asked.label}`}>
            <AccessExplanationView explanation={data.explainAccess} subject="them" />
          </section>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
