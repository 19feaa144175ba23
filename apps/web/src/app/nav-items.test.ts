import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { isNavItemActive, NAV_SECTIONS, visibleNavSections } from './nav-items';
import { appRoutes } from './routes';

const allItems = NAV_SECTIONS.flatMap((section) => section.items);

describe('NAV_SECTIONS', () => {
  it('has the Member, Leader and Admin sections in that order', () => {
    expect(NAV_SECTIONS.map((section) => section.label)).toEqual(['Member', 'Leader', 'Admin']);
  });

  it('never links two items to the same page', () => {
    const hrefs = allItems.map((item) => item.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it.each(allItems.map((item) => [item.href]))('links %s to a real route, not the 404 catch-all', (href) => {
    const matches = matchRoutes(appRoutes, href);
    const leaf = matches?.at(-1)?.route;
    expect(leaf).toBeDefined();
    expect(leaf?.path).not.toBe('*');
  });
});

describe('isNavItemActive', () => {
  it.each([
    ['/groups', '/groups', true],
    ['/groups/', '/groups', true],
    ['/groups/42', '/groups', true],
    ['/groupsx', '/groups', false],
    ['/admin/groups', '/groups', false],
    ['/groups', '/admin/groups', false],
    ['/admin/groups/7', '/admin/groups', true],
    ['/', '/groups', false],
  ])('%s with link %s → %s', (pathname, href, expected) => {
    expect(isNavItemActive(pathname, href)).toBe(expected);
  });
});

describe('visibleNavSections', () => {
  const labels = (viewer: Parameters<typeof visibleNavSections>[0]) =>
    visibleNavSections(viewer).map((section) => section.label);
  const member = { isAdmin: false, effectivePermissions: ['groups.request'], ledGroups: [] };

  it('shows a plain member only the Member section', () => {
    expect(labels(member)).toEqual(['Member']);
  });

  it('adds Leader for someone who leads a group', () => {
    expect(labels({ ...member, ledGroups: [{ id: 'g1' }] })).toEqual(['Member', 'Leader']);
  });

  it('adds Leader for a manager (groups.manage)', () => {
    expect(labels({ ...member, effectivePermissions: ['groups.request', 'groups.manage'] })).toEqual([
      'Member',
      'Leader',
    ]);
  });

  it('shows every section to an admin', () => {
    expect(labels({ isAdmin: true, effectivePermissions: [], ledGroups: [] })).toEqual(['Member', 'Leader', 'Admin']);
  });
});
