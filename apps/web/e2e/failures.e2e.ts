import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import type { Route } from 'playwright-core';
import { launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { signIn, startServerWithAdmin } from './session';

/** The GraphQL operation a browser request carries (the SPA names all of them). */
const operationOf = (route: Route): string | undefined =>
  (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;

// Loading and failure states, provoked by holding back or breaking requests in the browser.
// Each test gets its own page; console errors are expected here (failed requests are
// logged by the browser), so they are not asserted.
describe('loading and failure states', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The session cookie belongs to the context: every page of these tests is signed in.
    const first = await context.newPage();
    await signIn(first, server.url);
    await first.close();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    page = await context.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  it('shows skeletons while the page code and the server version load', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/assets/GroupsPage-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.route('**/graphql', async (route) => {
      if (operationOf(route) === 'ServerVersion') await held;
      await route.continue();
    });
    await page.goto(`${server.url}/groups`);
    await page.getByRole('main').getByRole('status').waitFor();
    await page.getByRole('contentinfo').getByText('Loading server version').waitFor({ state: 'attached' });
    release();
    await waitForHeading(page, 'Groups');
    await page.getByTestId('server-version').waitFor();
  });

  it('shows an inline alert when the server version cannot be fetched', async () => {
    await page.route('**/graphql', (route) => (operationOf(route) === 'ServerVersion' ? route.abort() : route.continue()));
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
    const alert = page.getByRole('contentinfo').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Server version unavailable');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a friendly error with a Reload button when a page fails to load', async () => {
    // What a person sees when a deploy replaced the code chunks under an open tab.
    await page.route('**/assets/AccountPage-*.js', (route) => route.abort());
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
    await page.getByRole('link', { name: 'My account' }).click();
    expect(await waitForHeading(page, 'Something went wrong')).toBe('Error · Gatehouse');
    // The shell stays usable around the failed page.
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/assets/AccountPage-*.js');
    await page.getByRole('button', { name: 'Reload' }).click();
    await waitForHeading(page, 'My account');
  });

  it('says so, with Try again, when the server cannot be reached at all', async () => {
    await page.route('**/graphql', (route) => (operationOf(route) === 'Viewer' ? route.abort() : route.continue()));
    await page.goto(`${server.url}/groups`);
    await waitForHeading(page, 'Gatehouse is not answering');
    expect(await page.getByRole('main').textContent()).toContain('could not be reached');
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForHeading(page, 'Groups');
  });
});
