import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { ADMIN, graphqlRequest, signIn, startServerWithAdmin } from './session';

const ME = '{ me { email } }';
const USERS = '{ users(first: 1) { totalCount } }';

describe('API tokens on My account', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let secret = '';

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

  it('creates a token and shows its secret once, with a copy button', async () => {
    await page.goto(`${server.url}/account`);
    await waitForHeading(page, 'My account');
    await page.getByRole('textbox', { name: 'Token name' }).fill('CI deploys');
    await page.getByRole('textbox', { name: 'Token name' }).press('Enter');
    const box = page.getByTestId('token-secret');
    await box.waitFor();
    secret = (await box.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.getByText('You will not see this again').waitFor();
    await page.getByRole('button', { name: 'Copy secret' }).waitFor();
    const row = page.getByRole('region', { name: 'Token list' }).getByRole('row', { name: /CI deploys/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    expect(await row.textContent()).toContain('Never');
  });

  it('the secret works as Authorization: Bearer', async () => {
    const answer = await graphqlRequest<{ me: { email: string } | null }>(server.url, ME, { token: secret });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me?.email).toBe(ADMIN.email);
  });

  it('never shows the secret again', async () => {
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByTestId('token-secret').waitFor({ state: 'detached' });
    await page.reload();
    await waitForHeading(page, 'My account');
    await page.getByRole('region', { name: 'Token list' }).getByRole('row', { name: /CI deploys/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('revoking it (confirmed) ends it on the very next request', async () => {
    const row = page.getByRole('region', { name: 'Token list' }).getByRole('row', { name: /CI deploys/ });
    await row.getByRole('button', { name: 'Revoke CI deploys' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await row.getByText(/Revoked/).waitFor();
    expect(await row.getByRole('button', { name: 'Revoke CI deploys' }).count()).toBe(0);

    const me = await graphqlRequest<{ me: unknown }>(server.url, ME, { token: secret });
    const users = await graphqlRequest(server.url, USERS, { token: secret });
    // A refused API token is an error everywhere, `me` included: an integration learns at once
    // that its credential is dead (a browser whose cookie ended just gets me: null).
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(me.errors?.[0]?.message).toBe('The API token is invalid, expired or revoked.');
    expect(users.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(users.errors?.[0]?.message).toBe('The API token is invalid, expired or revoked.');
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
