import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { chooseColorScheme, collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';

// Set E2E_SCREENSHOT_DIR to keep pictures of the scanned pages for a human look.
const screenshotDir = process.env.E2E_SCREENSHOT_DIR;

describe('accessibility (axe: no serious or critical violations)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  /** Waits for the page and the footer's GraphQL answer, so axe sees the settled UI. */
  const settle = async (heading: string) => {
    await waitForHeading(page, heading);
    await page.getByTestId('server-version').waitFor();
  };

  const activeNavLink = () =>
    page.getByRole('navigation', { name: 'Main navigation' }).locator('[aria-current="page"]');

  const screenshot = async (name: string) => {
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, name) });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('/groups in light mode', async () => {
    await page.goto(`${server.url}/groups`);
    await settle('Groups');
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('light');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('shell-light.png');
  });

  it('/groups with the pointer over the active nav link, in both modes', async () => {
    // Hover colours are easy to miss: the active link's hover background once failed contrast.
    await activeNavLink().hover();
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Dark');
    await activeNavLink().hover();
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Light');
  });

  it('/groups in dark mode', async () => {
    await chooseColorScheme(page, 'Dark');
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('shell-dark.png');
  });

  it('the not-found page, in both modes', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await settle('Page not found');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Light');
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'light');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the permissions page (a table) in light mode', async () => {
    await page.goto(`${server.url}/admin/permissions`);
    await settle('Permissions');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
