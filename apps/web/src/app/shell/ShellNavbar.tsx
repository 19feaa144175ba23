import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { isNavItemActive, visibleNavSections, type NavItem } from '../nav-items';
import { useSignedInViewer } from '../session/viewer-context';
import { QueueCountBadge } from './QueueCountBadge';
import { ReviewCountBadge } from './ReviewCountBadge';

/** The badge for each kind of count a nav item shows (nav-items.ts). */
const COUNT_BADGES: Record<NonNullable<NavItem['count']>, ReactNode> = {
  pendingRequests: <QueueCountBadge />,
  reviewItemsWaiting: <ReviewCountBadge />,
};

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
                    rightSection={count ? COUNT_BADGES[count] : null}
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
