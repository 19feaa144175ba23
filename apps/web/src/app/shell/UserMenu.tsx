import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notifyFailure } from '../../components/notify';
import { useSignOut } from '../../features/session/use-sign-out';
import { problemMessage } from '../graphql-errors';
import { useSignedInViewer } from '../session/viewer-context';

/** The signed-in person's name; opens My account and Sign out. */
export function UserMenu() {
  const me = useSignedInViewer();
  const [signOut, { loading }] = useSignOut();
  return (
    <Menu position="bottom-end" width={200} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          leftSection={<IconUserCircle size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={loading}
          aria-label={`Account menu for ${me.displayName}`}
        >
          {/* Below 768 px the button is its icons alone (it is named by aria-label), so it stays on screen. */}
          <Text span size="sm" fw={500} maw={180} truncate="end" visibleFrom="sm">
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          My account
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void signOut().catch((error: unknown) => notifyFailure(problemMessage(error)))}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
