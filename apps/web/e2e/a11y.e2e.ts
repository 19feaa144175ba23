import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { chooseColorScheme, collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn, startServerWithAdmin } from './session';

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

  const screenshot = async (name: string, fullPage = false) => {
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, name), fullPage });
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
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

  it('the sign-in page, signed out, in both modes and with an error shown', async () => {
    await page.goto(`${server.url}/sign-in`);
    await waitForHeading(page, 'Sign in');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('sign-in.png');
    await chooseColorScheme(page, 'Dark');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Light');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong password, on purpose');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('main').getByRole('alert').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('/groups in light mode', async () => {
    await signIn(page, server.url);
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
    await page.getByRole('region', { name: 'Permission catalog' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('my account, with a token just created (secret shown), in both modes', async () => {
    await page.goto(`${server.url}/account`);
    await settle('My account');
    await page.getByRole('heading', { name: 'My permissions' }).waitFor();
    await page.getByRole('textbox', { name: 'Token name' }).fill('Screenshot token');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('token-secret').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('account.png', true);
    await chooseColorScheme(page, 'Dark');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('account-dark.png', true);
    await chooseColorScheme(page, 'Light');
  });

  it('admin: users list, the new-user dialog, and a user’s page', async () => {
    await graphqlInPage(page, 'mutation { createUser(input: { email: "svc@gatehouse.test", displayName: "Build bot", kind: SERVICE }) { id } }');
    await page.goto(`${server.url}/admin/users`);
    await settle('Users');
    await page.getByRole('link', { name: 'Build bot' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-users.png');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByRole('dialog', { name: 'New user' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: ADMIN.displayName }).click();
    await waitForHeading(page, ADMIN.displayName);
    await page.getByRole('heading', { name: 'Permissions' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-user.png', true);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('link', { name: 'Build bot' }).click();
    await waitForHeading(page, 'Build bot');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-user-service.png', true);
  });

  it('admin: groups list and a group’s page, in both modes', async () => {
    await page.goto(`${server.url}/admin/groups`);
    await settle('All groups');
    await page.getByRole('link', { name: 'Member' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Member' }).click();
    await waitForHeading(page, 'Member');
    await page.getByRole('region', { name: 'Members' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-group.png', true);
    await chooseColorScheme(page, 'Dark');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Light');
  });

  it('admin: audit log', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await settle('Audit log');
    await page.getByRole('region', { name: 'Audit events' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-audit.png', true);
  });

  it('admin: webhooks list and the new-webhook dialog', async () => {
    const { createWebhook } = await graphqlInPage<{ createWebhook: { webhook: { id: string } } }>(
      page,
      'mutation { createWebhook(input: { url: "https://hooks.invalid/gatehouse", description: "Chat roles", eventTypes: ["membership.added"] }) { webhook { id } } }',
    );
    // A delivery that fails (the host does not exist): the log shows its error.
    await graphqlInPage(page, 'mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: createWebhook.webhook.id });
    await page.goto(`${server.url}/admin/webhooks`);
    await settle('Webhooks');
    await page.getByRole('region', { name: 'Webhook list' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New webhook' }).click();
    await page.getByRole('dialog', { name: 'New webhook' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'New webhook' }).waitFor({ state: 'detached' });
  });

  it('admin: a webhook’s page with its delivery log, in both modes, and its secret dialog', async () => {
    await page.getByRole('link', { name: 'https://hooks.invalid/gatehouse' }).click();
    await waitForHeading(page, 'Webhook');
    await page.getByRole('region', { name: 'Delivery attempts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('admin-webhook.png', true);
    await chooseColorScheme(page, 'Dark');
    expect(await seriousViolations(page)).toEqual([]);
    await chooseColorScheme(page, 'Light');
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByTestId('webhook-secret').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
