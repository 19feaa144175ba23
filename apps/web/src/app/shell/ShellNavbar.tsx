import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { Link, useLocation } from 'react-router';
import { isNavItemActive, visibleNavSections } from '../nav-items';
import { useSignedInViewer } from '../session/viewer-context';
import { QueueCountBadge } from './QueueCountBadge';

export interface ShellNavbarProps {
  /** Called after any link is followed. */
  onNavigate: () => void;
}

export function ShellNavbar({ onNavigate }: ShellNavbarProps) {
  const { pathname } = useLocation();
  const idPrefix = useId();
  const sections = visibleNavSections(useSignedInViewer());
  return (
    <AppShell.Section grow component={ScrollArea}>
      <Stack gap="md">
        {sections.map((section, index) => {
          const headingId = `${idPrefix}-section-${index}`;
          return (
            <div key={section.label} role="group" aria-labelledby={headingId}>
              <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                {section.label}
              </Text>
              {section.items.map(({ label, href, icon: Icon, count }) => {
                const active = isNavItemActive(pathname, href);
                return (
                  <NavLink
                    key={href}
                    component={Link}
                    to={href}
                    label={label}
                    leftSection={<Icon size={18} stroke={1.75} aria-hidden />}
                    rightSection={count === 'pendingRequests' ? <QueueCountBadge /> : null}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={onNavigate}
                  />
                );
              })}
            </div>
          );
        })}
      </Stack>
    </AppShell.Section>
  );
}
