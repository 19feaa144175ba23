import {
  IconBuildingCommunity,
  IconChecklist,
  IconCrown,
  IconHistory,
  IconKey,
  IconLock,
  IconSend,
  IconSettings,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';

export interface NavItem {
  /** Link text; also the accessible name of the link. */
  label: string;
  href: string;
  icon: TablerIcon;
}

export interface NavSection {
  /** Visible heading; also labels the link group for assistive technology. */
  label: string;
  items: readonly NavItem[];
}

// One table drives the navbar, so adding a page is one line here plus one route.
// Sections mirror the roles in SPEC §2; when the viewer query lands, sections the
// viewer has no role for will be hidden from `viewerCan`-style abilities, not re-derived here.
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    label: 'Member',
    items: [
      { label: 'Groups', href: '/groups', icon: IconUsersGroup },
      { label: 'My requests', href: '/requests', icon: IconSend },
      { label: 'My access', href: '/access', icon: IconKey },
      { label: 'My account', href: '/account', icon: IconUserCircle },
    ],
  },
  {
    label: 'Leader',
    items: [
      { label: 'Approval queue', href: '/queue', icon: IconChecklist },
      { label: 'Led groups', href: '/led', icon: IconCrown },
    ],
  },
  {
    label: 'Admin',
    items: [
      { label: 'Users', href: '/admin/users', icon: IconUsers },
      { label: 'Groups', href: '/admin/groups', icon: IconBuildingCommunity },
      { label: 'Permissions', href: '/admin/permissions', icon: IconLock },
      { label: 'Settings', href: '/admin/settings', icon: IconSettings },
      { label: 'Audit log', href: '/admin/audit', icon: IconHistory },
    ],
  },
];

/**
 * Whether a nav link should show as current for `pathname`: its own page and the
 * pages beneath it (`/groups/42` keeps "Groups" lit), but never a sibling that merely
 * shares a prefix (`/groupsx`) or a different section (`/admin/groups` is not `/groups`).
 */
export function isNavItemActive(pathname: string, href: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return path === href || path.startsWith(`${href}/`);
}
