import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { signIn, startServerWithAdmin } from './session';

/** A SCIM call as an identity provider makes it. */
async function scim(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('Admin → Provisioning (SPEC §19)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let baseUrl = '';
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

  it('shows the SCIM base URL and makes the first provisioning token (secret shown once)', async () => {
    await page.getByRole('link', { name: 'Provisioning' }).click();
    await waitForHeading(page, 'Provisioning');
    baseUrl = ((await page.getByTestId('scim-base-url').textContent()) ?? '').trim();
    expect(baseUrl).toBe(`${server.url}/scim/v2`);
    await page.getByText('No identity provider is connected yet.').waitFor();
    await page.getByRole('textbox', { name: 'Token name' }).fill('Okta');
    await page.getByRole('button', { name: 'Create provisioning token' }).click();
    const box = page.getByTestId('token-secret');
    await box.waitFor();
    secret = ((await box.textContent()) ?? '').trim();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('region', { name: 'Token list' }).getByRole('row', { name: /Okta/ }).waitFor();
  });

  it('the token provisions a person and a group; the activity and the SCIM source show', async () => {
    const user = await scim(baseUrl, secret, 'POST', '/Users', { userName: 'pia.provisioned@example.com', name: { givenName: 'Pia', familyName: 'Provisioned' }, active: true });
    expect(user.status).toBe(201);
    const group = await scim(baseUrl, secret, 'POST', '/Groups', { displayName: 'Provisioned crew', members: [{ value: user.body?.['id'] }] });
    expect(group.status).toBe(201);

    await page.reload();
    await waitForHeading(page, 'Provisioning');
    const activity = page.getByRole('region', { name: 'Recent SCIM activity' });
    await activity.getByText(/Pia Provisioned/).first().waitFor();
    await activity.getByText(/Provisioned crew/).first().waitFor();

    await page.goto(`${server.url}/groups/${String(group.body?.['id'])}`);
    await waitForHeading(page, 'Provisioned crew');
    await page.getByText('SCIM', { exact: true }).first().waitFor();
  });

  it('revoking the token refuses the identity provider at its next request', async () => {
    await page.goto(`${server.url}/admin/provisioning`);
    await waitForHeading(page, 'Provisioning');
    const row = page.getByRole('region', { name: 'Token list' }).getByRole('row', { name: /Okta/ });
    await row.getByRole('button', { name: 'Revoke Okta' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).waitFor({ state: 'detached' });
    const refused = await scim(baseUrl, secret, 'GET', '/Users');
    expect(refused.status).toBe(401);
    // The page reads its tokens again within 10 s (it polls: the identity provider's use shows too).
    await row.getByText(/Revoked/).waitFor();
    expect(refused.body?.['schemas']).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(errors).toEqual([]);
  });
});
