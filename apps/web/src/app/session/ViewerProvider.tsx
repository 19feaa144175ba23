import { useQuery } from '@apollo/client/react';
import { Alert, Box, Button, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { PageSkeleton } from '../../components/PageSkeleton';
import { graphql } from '../../gql';
import { problemMessage } from '../graphql-errors';
import { ViewerContext, type ViewerState } from './viewer-context';

// The session's own query: the root route owns it, every page reads it through useViewer().
const ViewerQueryDocument = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      kind
      isAdmin
      effectivePermissions
      ledGroups {
        id
      }
    }
    authConfig {
      needsSetup
      registration
      ssoEnabled
      ssoDisplayName
    }
  }
`);

export interface ViewerProviderProps {
  children: ReactNode;
}

/**
 * Runs the viewer query once for the whole app. Signing in or out resets the Apollo store,
 * which refetches this query; meanwhile the last answer stays on screen (`previousData`), so
 * pages do not unmount in the middle of a sign-in.
 */
export function ViewerProvider({ children }: ViewerProviderProps) {
  const { data, previousData, error, refetch } = useQuery(ViewerQueryDocument, { notifyOnNetworkStatusChange: false });
  const answer = data ?? previousData;
  const state = useMemo<ViewerState | null>(
    () => (answer ? { me: answer.me ?? null, authConfig: answer.authConfig } : null),
    [answer],
  );

  if (!state && error) {
    return (
      <Box component="main" p="xl">
        <Stack gap="md" maw={560}>
          <Title order={1}>Gatehouse is not answering</Title>
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {problemMessage(error)}
          </Alert>
          <Button
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => void refetch().catch(() => undefined)}
            w="fit-content"
          >
            Try again
          </Button>
        </Stack>
      </Box>
    );
  }
  if (!state) {
    return (
      <Box component="main" p="xl">
        <PageSkeleton />
      </Box>
    );
  }
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}
