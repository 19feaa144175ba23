import { useQuery } from '@apollo/client/react';
import { Alert, Group, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { graphql } from '../../gql';

// The shell's own query (the layout route owns it, as pages own theirs).
const ServerVersionQuery = graphql(`
  query ServerVersion {
    serverInfo {
      name
      version
    }
  }
`);

/** "Gatehouse 1.2.3" in the footer, so a bug report can say which build it is about. */
export function ServerVersion() {
  const { data, loading, error } = useQuery(ServerVersionQuery);
  return (
    <Group h="100%" gap="xs" wrap="nowrap">
      {loading ? (
        <>
          <VisuallyHidden>Loading server version</VisuallyHidden>
          <Skeleton height={12} width={120} aria-hidden />
        </>
      ) : error || !data ? (
        <Alert
          color="red"
          variant="light"
          py={2}
          px="xs"
          icon={<IconAlertCircle size={16} aria-hidden />}
          styles={{ wrapper: { alignItems: 'center' }, icon: { marginTop: 0, marginInlineEnd: 6 } }}
        >
          <Text size="xs" lh={1.2}>Server version unavailable: the server did not answer.</Text>
        </Alert>
      ) : (
        <Text size="xs" c="dimmed" data-testid="server-version">
          {data.serverInfo.name} {data.serverInfo.version}
        </Text>
      )}
    </Group>
  );
}
