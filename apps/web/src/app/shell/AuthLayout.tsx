import { Box, Center, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle';
import { PageSkeleton } from '../../components/PageSkeleton';

/** Frame of the pages before signing in (sign-in, sign-up, setup): one card, no navigation. */
export function AuthLayout() {
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group component="header" justify="space-between" px="md" h={56} wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon size="md" radius="md" aria-hidden>
            <IconShieldLock size={18} stroke={1.75} />
          </ThemeIcon>
          <Text component="span" fw={700} size="lg">
            Gatehouse
          </Text>
        </Group>
        <ColorSchemeToggle />
      </Group>
      <Center component="main" id="main-content" tabIndex={-1} px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={460}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Paper>
      </Center>
    </Box>
  );
}
