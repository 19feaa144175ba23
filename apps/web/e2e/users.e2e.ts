import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { ADMIN, signIn, startServerWithAdmin } from './session';

const ANN = { email: 'ann@gatehouse.test', displayName: 'Ann Example', password: 'anns very own password' };

describe('admin creates a user', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the server’s field messages in the New user dialog', async () => {
    await page.goto(`${server.url}/admin/users`);
    await waitForHeading(page, 'Users');
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByLabel('Display name').fill(ANN.displayName);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('Enter a valid email address.').waitFor();
  });

  it('creates the user, who then appears in the list', async () => {
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Email').fill(ANN.email);
    await dialog.getByRole('textbox', { name: 'Password (optional)' }).fill(ANN.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Created the account of ${ANN.displayName}.`).waitFor();
    const row = page.getByRole('row', { name: new RegExp(ANN.displayName) });
    await row.waitFor();
    expect(await row.textContent()).toContain(ANN.email);
    expect(await row.textContent()).toContain('Person');
  });

  it('finds the user by search', async () => {
    await page.getByRole('searchbox', { name: 'Search users' }).fill('ann@');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await page.getByRole('row', { name: new RegExp(ANN.displayName) }).count()).toBe(1);
  });

  it('shows on the user’s page that they are in Member and hold groups.request through it', async () => {
    await page.getByRole('link', { name: ANN.displayName }).click();
    await waitForHeading(page, ANN.displayName);
    const groups = page.getByRole('region', { name: 'Groups' });
    await groups.getByRole('link', { name: 'Member' }).waitFor();
    expect(await groups.textContent()).toContain('Default group');
    const permissions = page.getByRole('region', { name: 'Effective permissions' });
    const row = permissions.getByRole('row', { name: /groups\.request/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('via Member');
  });

  it('lets the new user sign in in another browser, seeing only the Member section', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const otherPage = await other.newPage();
    const otherErrors = collectErrors(otherPage);
    await signIn(otherPage, server.url, ANN.email, ANN.password);
    await waitForHeading(otherPage, 'Groups');
    const nav = otherPage.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('group', { name: 'Member' }).waitFor();
    expect(await nav.getByRole('group', { name: 'Admin' }).count()).toBe(0);
    expect(await nav.getByRole('group', { name: 'Leader' }).count()).toBe(0);
    await otherPage.getByRole('button', { name: `Account menu for ${ANN.displayName}` }).waitFor();
    await other.close();
    expect(otherErrors).toEqual([]);
  });

  it('offers an administrator no way to deactivate or demote themselves (User.viewerCan)', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('link', { name: ADMIN.displayName }).click();
    await waitForHeading(page, ADMIN.displayName);
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByText('Another administrator can change this.').first().waitFor();
    expect(await status.getByRole('button', { name: 'Remove administrator' }).count()).toBe(0);
    expect(await status.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
  });

  it('deactivates and reactivates a user, the page following each change', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('link', { name: ANN.displayName }).click();
    await waitForHeading(page, ANN.displayName);
    const status = page.getByRole('region', { name: 'Status' });
    await status.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByText('sessions and API tokens stop working at once').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await status.getByRole('button', { name: 'Reactivate' }).waitFor();
    await page.getByText('Deactivated accounts hold no permissions.').waitFor();
    // Losing groups.request applies the permission-loss policy (default: leave non-public groups).
    await page.getByText('They are not a member of any group.').waitFor();
    await status.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await status.getByRole('button', { name: 'Deactivate' }).waitFor();
    expect(await status.textContent()).toContain('Active');
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
