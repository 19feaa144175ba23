import {
  IconBox,
  IconBuildingCommunity,
  IconChecklist,
  IconClipboardCheck,
  IconCrown,
  IconHistory,
  IconKey,
  IconLock,
  IconLogin2,
  IconSend,
  IconSettings,
  IconUserCircle,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
  type TablerIcon,
} from '@tabler/icons-react';

export interface NavItem {
  /** Link text; also the accessible name of the link. */
  label: string;
  href: string;
  icon: TablerIcon;
  /** A live count shown beside the label (the shell knows how to fetch each kind). */
  count?: 'pendingRequests' | 'reviewItemsWaiting';
}

/** Who a navbar section is for (SPEC §2 roles, as far as navigation needs them). */
export type NavAudience = 'member' | 'leader' | 'admin';

export interface NavSection {
  /** Visible heading; also labels the link group for assistive technology. */
  label: string;
  audience: NavAudience;
  items: readonly NavItem[];
}

// One table drives the navbar, so adding a page is one line here plus one route.
// Sections mirror the roles in SPEC §2. Which ones show is navigation only: every page
// still asks the server, and buttons inside pages come from `viewerCan`.
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    label: 'Member',
    audience: 'member',
    items: [
      { label: 'Groups', href: '/groups', icon: IconUsersGroup },
      { label: 'My requests', href: '/requests', icon: IconSend },
      { label: 'Resources', href: '/resources', icon: IconBox },
      { label: 'My access', href: '/access', icon: IconKey },
      { label: 'My account', href: '/account', icon: IconUserCircle },
    ],
  },
  {
    label: 'Leader',
    audience: 'leader',
    items: [
      { label: 'Approval queue', href: '/queue', icon: IconChecklist, count: 'pendingRequests' },
      { label: 'Led groups', href: '/led', icon: IconCrown },
      { label: 'Access reviews', href: '/reviews', icon: IconClipboardCheck, count: 'reviewItemsWaiting' },
    ],
  },
  {
    label: 'Admin',
    audience: 'admin',
    items: [
      { label: 'Users', href: '/admin/users', icon: IconUsers },
      { label: 'Groups', href: '/admin/groups', icon: IconBuildingCommunity },
      { label: 'Permissions', href: '/admin/permissions', icon: IconLock },
      { label: 'Settings', href: '/admin/settings', icon: IconSettings },
      { label: 'Single sign-on', href: '/admin/sso', icon: IconLogin2 },
      { label: 'Provisioning', href: '/admin/provisioning', icon: IconUserPlus },
      { label: 'Audit log', href: '/admin/audit', icon: IconHistory },
      { label: 'Webhooks', href: '/admin/webhooks', icon: IconWebhook },
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

/** The facts about the signed-in person that decide which navbar sections they see. */
export interface NavViewer {
  isAdmin: boolean;
  effectivePermissions: readonly string[];
  ledGroups: readonly unknown[];
}

/** The role that manages every self-service group (SPEC §1). */
const MANAGE_PERMISSION = 'groups.manage';

/**
 * Sections for `viewer`: Member for everyone signed in; Leader for people who lead a group or
 * manage groups (admins included); Admin for admins only.
 */
export function visibleNavSections(viewer: NavViewer): NavSection[] {
  const audiences = new Set<NavAudience>(['member']);
  if (viewer.isAdmin || viewer.ledGroups.length > 0 || viewer.effectivePermissions.includes(MANAGE_PERMISSION)) {
    audiences.add('leader');
  }
  if (viewer.isAdmin) audiences.add('admin');
  return NAV_SECTIONS.filter((section) => audiences.has(section.audience));
}
