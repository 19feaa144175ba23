import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { isNavItemActive, NAV_SECTIONS } from './nav-items';
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
