import { Anchor, Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ColorSchemeToggle } from '../../components/ColorSchemeToggle';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

export interface ShellHeaderProps {
  navOpened: boolean;
  /** id of the navbar the burger shows and hides (for aria-controls). */
  navbarId: string;
  onToggleNav: () => void;
}

export function ShellHeader({ navOpened, navbarId, onToggleNav }: ShellHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpened}
          aria-controls={navbarId}
        />
        {/* On a phone the word gives way to the header's actions; the link keeps its name. */}
        <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="Gatehouse">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size="md" radius="md" aria-hidden>
              <IconShieldLock size={18} stroke={1.75} />
            </ThemeIcon>
            <Text component="span" fw={700} size="lg" visibleFrom="xs">
              Gatehouse
            </Text>
          </Group>
        </Anchor>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ColorSchemeToggle />
        <NotificationBell />
        <UserMenu />
      </Group>
    </Group>
  );
}
