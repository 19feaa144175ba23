import { useQuery } from '@apollo/client/react';
import { Anchor, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AccessExplanationView } from '../../features/resources/AccessExplanationView';
import { graphql } from '../../gql';

// Asked only when a row is opened: the list itself already carries the level, so the first
// render is one query, not one per resource.
// An explanation has no id, so the cache cannot hand it to `useFragment`: its fragment is unmasked.
const MyAccessExplanationQuery = graphql(`
  query MyAccessExplanation($resourceId: ID!) {
    explainAccess(resourceId: $resourceId) {
      ...AccessExplanationView_explanation @unmask
    }
  }
`);

export interface ExplanationPanelProps {
  resourceId: string;
}

/** Why I reach one resource: every path, in words. */
export function ExplanationPanel({ resourceId }: ExplanationPanelProps) {
  const { data, error } = useQuery(MyAccessExplanationQuery, { variables: { resourceId } });
  return (
    <Stack gap="xs">
      {error && !data ? <ErrorAlert title="Could not explain this access">{problemMessage(error)}</ErrorAlert> : null}
      {!data && !error ? (
        <Stack gap={6} role="status" aria-live="polite">
          <VisuallyHidden>Loading…</VisuallyHidden>
          <Skeleton height={20} width="30%" />
          <Skeleton height={14} width="60%" />
        </Stack>
      ) : null}
      {data ? <AccessExplanationView explanation={data.explainAccess} subject="you" /> : null}
      <Anchor component={Link} to={`/resources/${resourceId}`} size="sm" w="fit-content">
        Open the resource
      </Anchor>
    </Stack>
  );
}
