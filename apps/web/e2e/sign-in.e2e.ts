import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn, startServerWithAdmin } from './session';

describe('sign-in and sign-out (first admin from ADMIN_EMAIL / ADMIN_PASSWORD)', () => {
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
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(`${server.url}/sign-in?next=%2Fadmin%2Fusers`);
    expect(await waitForHeading(page, 'Sign in')).toBe('Sign in · Gatehouse');
    // Registration is CLOSED by default: no sign-up link, a pointer to the admins instead.
    expect(await page.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
    await page.getByText('Ask an administrator').waitFor();
  });

  it('shows the server’s message for a wrong password and stays on the page', async () => {
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('main').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signs in with the right password (Enter submits) and lands where they were going', async () => {
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
    await page.waitForURL(`${server.url}/admin/users`);
    await waitForHeading(page, 'Users');
    await page.getByRole('button', { name: `Account menu for ${ADMIN.displayName}` }).waitFor();
  });

  it('sends a signed-in person away from /sign-in', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.waitForURL(`${server.url}/groups`);
    await waitForHeading(page, 'Groups');
  });

  it('signs out from the header menu, back to sign-in, and the session is gone', async () => {
    const signOut = async () => {
      await page.getByRole('button', { name: `Account menu for ${ADMIN.displayName}` }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(`${server.url}/sign-in`);
      await waitForHeading(page, 'Sign in');
    };
    await signOut();
    // The page reached by signing out works for signing straight back in.
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/groups`);
    await signOut();
    await page.goto(`${server.url}/account`);
    await page.waitForURL(`${server.url}/sign-in?next=%2Faccount`);
    await waitForHeading(page, 'Sign in');
  });

  it('sends the person to sign-in when their session ends under an open tab', async () => {
    await signIn(page, server.url);
    await waitForHeading(page, 'Groups');
    // What an idle expiry or a password change elsewhere looks like to this browser.
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(`${server.url}/sign-in?next=%2Fadmin%2Fusers`);
    await waitForHeading(page, 'Sign in');
  });

  it('offers sign-up when registration is open, and signs the new person in', async () => {
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, server.url);
    await graphqlInPage(adminPage, 'mutation { updateSettings(input: { registration: OPEN }) { registration } }');
    await adminContext.close();

    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(`${server.url}/sign-up`);
    await waitForHeading(page, 'Create an account');
    await page.getByLabel('Email').fill('newcomer@gatehouse.test');
    await page.getByLabel('Display name').fill('Nia Newcomer');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a newcomer password');
    await page.getByLabel('Confirm password').fill('a newcomer password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/groups`);
    await page.getByRole('button', { name: 'Account menu for Nia Newcomer' }).waitFor();
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
