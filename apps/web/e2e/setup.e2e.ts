import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';
import { graphqlRequest } from './session';

const FIRST_ADMIN = { email: 'first@gatehouse.test', displayName: 'Fiona First', password: 'a long first password' };

async function fillSetup(page: Page, values: { email: string; displayName: string; password: string; confirm?: string }) {
  await page.getByLabel('Email').fill(values.email);
  await page.getByLabel('Display name').fill(values.displayName);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(values.password);
  await page.getByLabel('Confirm password').fill(values.confirm ?? values.password);
}

// A fresh server without ADMIN_EMAIL: the one-time setup screen creates the first admin.
describe('first-admin setup', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  // A second person who opened the setup screen before the first one finished.
  let lateContext: BrowserContext;
  let latePage: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = collectErrors(page);
    lateContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    latePage = await lateContext.newPage();
  });

  afterAll(async () => {
    await lateContext?.close();
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('sends every page to /setup while no admin exists', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(`${server.url}/setup`);
    expect(await waitForHeading(page, 'Set up Gatehouse')).toBe('Set up Gatehouse · Gatehouse');
    await page.goto(`${server.url}/sign-in`);
    await page.waitForURL(`${server.url}/setup`);
    await waitForHeading(page, 'Set up Gatehouse');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('checks the confirmation and shows the server’s field messages', async () => {
    await fillSetup(page, { ...FIRST_ADMIN, confirm: 'something else entirely' });
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('The two passwords differ').waitFor();
    await fillSetup(page, { ...FIRST_ADMIN, password: 'short', confirm: 'short' });
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('The password must be at least 12 characters long.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates the first admin, who lands signed in on the users page', async () => {
    await latePage.goto(`${server.url}/setup`);
    await waitForHeading(latePage, 'Set up Gatehouse');

    await fillSetup(page, FIRST_ADMIN);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL(`${server.url}/admin/users`);
    await waitForHeading(page, 'Users');
    await page.getByRole('button', { name: `Account menu for ${FIRST_ADMIN.displayName}` }).waitFor();
    await page.getByRole('link', { name: FIRST_ADMIN.displayName }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('group', { name: 'Admin' }).count()).toBe(1);
  });

  it('refuses a second setup from a screen opened before the first finished', async () => {
    await fillSetup(latePage, { email: 'late@gatehouse.test', displayName: 'Late Larry', password: 'another long password' });
    await latePage.getByRole('button', { name: 'Create administrator' }).click();
    await latePage.getByText('Gatehouse is already set up').waitFor();
    await latePage.getByRole('link', { name: 'Sign in instead' }).click();
    await latePage.waitForURL(`${server.url}/sign-in`);
  });

  it('shows the setup screen as closed from now on, and the API refuses it', async () => {
    const fresh = await browser.newContext();
    const freshPage = await fresh.newPage();
    await freshPage.goto(`${server.url}/setup`);
    await waitForHeading(freshPage, 'Set up Gatehouse');
    await freshPage.getByText('Gatehouse is already set up').waitFor();
    expect(await freshPage.getByRole('button', { name: 'Create administrator' }).count()).toBe(0);
    await fresh.close();

    const answer = await graphqlRequest(
      server.url,
      'mutation ($input: SetupInput!) { completeSetup(input: $input) { user { id } } }',
      { variables: { input: { email: 'x@gatehouse.test', displayName: 'X', password: 'yet another password' } } },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SETUP_DONE' });
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
