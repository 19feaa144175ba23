import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { signIn, startServerWithAdmin } from './session';

// What a person sees after following each navbar link: section, link text, URL, page heading.
const NAV_WALK = [
  ['Member', 'Groups', '/groups', 'Groups'],
  ['Member', 'My requests', '/requests', 'My requests'],
  ['Member', 'My access', '/access', 'My access'],
  ['Member', 'My account', '/account', 'My account'],
  ['Leader', 'Approval queue', '/queue', 'Approval queue'],
  ['Leader', 'Led groups', '/led', 'Led groups'],
  ['Admin', 'Users', '/admin/users', 'Users'],
  ['Admin', 'Groups', '/admin/groups', 'All groups'],
  ['Admin', 'Permissions', '/admin/permissions', 'Permissions'],
  ['Admin', 'Settings', '/admin/settings', 'Settings'],
  ['Admin', 'Single sign-on', '/admin/sso', 'Single sign-on'],
  ['Admin', 'Audit log', '/admin/audit', 'Audit log'],
] as const;

describe('app shell', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectErrors(page);
    // The admin sees every navbar section.
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('redirects / to /groups and shows the Groups page', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/groups`);
    expect(await waitForHeading(page, 'Groups')).toBe('Groups · Gatehouse');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('opens every page from the navbar', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const [section, label, href, heading] of NAV_WALK) {
      await nav.getByRole('group', { name: section }).getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL(`${server.url}${href}`);
      expect(await waitForHeading(page, heading)).toBe(`${heading} · Gatehouse`);
      const current = nav.locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('href')).toBe(href);
    }
  });

  it('opens a group join link that leads nowhere, and says so', async () => {
    await page.goto(`${server.url}/groups/abc123`);
    expect(await waitForHeading(page, 'Group not found')).toBe('Group not found · Gatehouse');
  });

  it('shows the not-found page for an unknown URL, with a way home', async () => {
    await page.goto(`${server.url}/no/such/page`);
    expect(await waitForHeading(page, 'Page not found')).toBe('Page not found · Gatehouse');
    await page.getByRole('main').getByRole('link', { name: 'Go to the start page' }).click();
    await page.waitForURL(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
  });

  it('shows the server version fetched over GraphQL', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { name version } }' }),
    });
    const { data } = (await response.json()) as { data: { serverInfo: { name: string; version: string } } };
    const footerVersion = page.getByRole('contentinfo').getByTestId('server-version');
    await footerVersion.waitFor();
    expect(await footerVersion.textContent()).toBe(`${data.serverInfo.name} ${data.serverInfo.version}`);
  });

  it('offers a skip link that moves focus to the main content', async () => {
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('hides the navbar behind a burger on small screens', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
    const burger = page.getByRole('button', { name: 'Open navigation' });
    const navbar = page.locator('nav#app-navbar');
    // Collapsed: moved off-screen and inert, so its links are not in the tab order.
    expect(await navbar.evaluate((element) => element.getBoundingClientRect().right <= 0)).toBe(true);
    expect(await navbar.evaluate((element) => (element as HTMLElement).inert)).toBe(true);
    await burger.click();
    expect(await page.getByRole('button', { name: 'Close navigation' }).getAttribute('aria-expanded')).toBe('true');
    expect(await navbar.evaluate((element) => (element as HTMLElement).inert)).toBe(false);
    const accessLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My access' });
    await accessLink.click();
    await page.waitForURL(`${server.url}/access`);
    await waitForHeading(page, 'My access');
    // Following a link closes the overlaying navbar again.
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
