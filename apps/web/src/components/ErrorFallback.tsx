import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

export interface ErrorFallbackProps {
  /** Technical detail, shown small; the person needs the action more than the text. */
  detail?: string;
}

/**
 * What a person sees instead of a blank screen when rendering fails. Reloading is the
 * one action that fixes the common causes (a new deploy replaced the code chunks, a
 * transient network failure), so it is the primary button.
 */
export function ErrorFallback({ detail }: ErrorFallbackProps) {
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Something went wrong</Title>
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This page could not be shown">
        <Stack gap="xs">
          <Text size="sm">Reloading usually fixes it. If it keeps happening, tell your administrator.</Text>
          {detail ? (
            <Text size="xs" ff="monospace">
              {detail}
            </Text>
          ) : null}
        </Stack>
      </Alert>
      <Group>
        <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Button component="a" href="/" variant="default">
          Go to the start page
        </Button>
      </Group>
    </Stack>
  );
}
