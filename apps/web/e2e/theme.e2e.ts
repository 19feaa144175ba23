import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseColorScheme, collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { signIn, startServerWithAdmin } from './session';

const scheme = (page: Page) => page.locator('html').getAttribute('data-mantine-color-scheme');
const schemeOption = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: 'Colour scheme' }).getByRole('radio', { name });

describe('colour scheme', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light' });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('follows the system by default', async () => {
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
    expect(await schemeOption(page, 'Match system').isChecked()).toBe(true);
    expect(await scheme(page)).toBe('light');
  });

  it('switches to dark and keeps it across a reload', async () => {
    await chooseColorScheme(page, 'Dark');
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    await page.reload();
    await waitForHeading(page, 'Groups');
    expect(await scheme(page)).toBe('dark');
    expect(await schemeOption(page, 'Dark').isChecked()).toBe(true);
  });

  it('applies the saved scheme before the app renders (no light flash)', async () => {
    // A second tab of the same profile: the pre-paint script must set dark before React runs.
    const fresh = await context.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.route('**/assets/*.js', (route) => route.abort());
    await fresh.goto(`${server.url}/groups`);
    expect(await scheme(fresh)).toBe('dark');
    await fresh.close();
    // Only the deliberately aborted script requests may have failed.
    expect(freshErrors.filter((error) => !error.includes('net::ERR_FAILED') && !error.includes('/assets/'))).toEqual([]);
  });

  it('goes back to following the system', async () => {
    await chooseColorScheme(page, 'Match system');
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
