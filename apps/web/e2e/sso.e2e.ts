import http from 'node:http';
import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn } from './session';

const CLIENT_ID = 'gatehouse-e2e';
const CLIENT_SECRET = 'gatehouse-e2e-secret';

/** The person at the provider: the `name` claim becomes their display name. */
const ADA = { id: 'ada', name: 'Ada Lovelace', email: 'ada@corp.example' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface TestProvider {
  /** Claims per account id (`groups` included); read at each sign-on. */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real OpenID provider in-process (`oidc-provider`, dev login pages on), PKCE required. */
async function startProvider(port: number, redirectUri: string): Promise<TestProvider> {
  const { default: Provider } = await import('oidc-provider');
  const accounts = new Map<string, Record<string, unknown>>();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...(accounts.get(sub) ?? {}) }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['gatehouse-e2e-cookie-key'] },
    pkce: { required: () => true },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('single sign-on: the button, the provider’s login, the admin page and its dry run', () => {
  let server: RunningServer;
  let provider: TestProvider;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let adminContext: BrowserContext;
  let admin: Page;
  let providerOrigin: string;
  let pageErrors: string[];
  let adminErrors: string[];

  beforeAll(async () => {
    // The provider's port first: the server needs its issuer, the provider needs the server's callback.
    const providerPort = await freePort();
    providerOrigin = `http://127.0.0.1:${providerPort}`;
    server = await startServer({
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        OIDC_ISSUER: providerOrigin,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_DISPLAY_NAME: 'Test IdP',
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_ALLOW_INSECURE: 'true',
      },
    });
    provider = await startProvider(providerPort, `${server.url}/auth/oidc/callback`);
    provider.accounts.set(ADA.id, { name: ADA.name, email: ADA.email, email_verified: true, groups: ['Engineering'] });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectErrors(page);
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    admin = await adminContext.newPage();
    adminErrors = collectErrors(admin);
  });

  afterAll(async () => {
    await adminContext?.close();
    await context?.close();
    await browser?.close();
    await provider?.close();
    await server?.stop();
  });

  it('offers "Sign in with Test IdP" on the sign-in page, keeping where they were going', async () => {
    await page.goto(`${server.url}/sign-in?next=%2Faccount`);
    await waitForHeading(page, 'Sign in');
    const link = page.getByRole('link', { name: 'Sign in with Test IdP' });
    expect(await link.getAttribute('href')).toBe('/auth/oidc/start?next=%2Faccount');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an admin set group sync and blocked patterns on /admin/sso', async () => {
    await signIn(admin, server.url);
    for (const name of ['Engineering', 'Operations']) {
      await graphqlInPage(admin, 'mutation ($name: String!) { createGroup(input: { name: $name }) { id } }', { name });
    }
    await admin
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Single sign-on' })
      .click();
    await admin.waitForURL(`${server.url}/admin/sso`);
    expect(await waitForHeading(admin, 'Single sign-on')).toBe('Single sign-on · Gatehouse');
    await admin.getByText('People can sign in with Test IdP from the sign-in page.').waitFor();
    const off = admin.getByRole('radio', { name: 'Off' });
    expect(await off.isChecked()).toBe(true);
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.getByRole('radio', { name: 'Sync' }).check();
    const blocked = admin.getByRole('combobox', { name: 'Blocked groups' });
    await blocked.fill('secret-*');
    await blocked.press('Enter');
    await admin.getByRole('button', { name: 'Save single sign-on settings' }).click();
    await admin.getByText('Single sign-on settings saved.').waitFor();
    const saved = await graphqlInPage<{ settings: { sso: { groupSync: string; blockedGroups: string[] } } }>(
      admin,
      '{ settings { sso { groupSync blockedGroups } } }',
    );
    expect(saved.settings.sso).toEqual({ groupSync: 'SYNC', blockedGroups: ['secret-*'] });
  });

  it('signs Ada on through the provider’s login and consent pages and lands signed in', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    // The provider's own (development) login page.
    await page.waitForURL((url) => url.port !== new URL(server.url).port);
    await page.locator('input[name="login"]').fill(ADA.id);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: `Account menu for ${ADA.name}` }).waitFor();
    await waitForHeading(page, 'Groups');
  });

  it('shows the admin, in words, what another sign-on with a different claim would change', async () => {
    const picker = admin.getByRole('combobox', { name: 'User' });
    await picker.click();
    await picker.fill('Ada');
    await admin.getByRole('option', { name: /Ada Lovelace/ }).click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('textbox', { name: 'Claim value' }).fill('Operations, secret-x');
    await admin.getByRole('button', { name: 'Run dry run' }).click();
    const result = admin.getByRole('region', { name: /^Dry run for Ada Lovelace/ });
    await result.waitFor();
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('The claim names 2 groups: Operations and secret-x.');
    expect(text).toContain('Would join 1 group: Operations.');
    expect(text).toContain('Would end 1 membership from single sign-on: Engineering.');
    expect(text).toContain('Would ignore 1 group (blocked): secret-x.');
    expect(text).toContain('Nothing was changed.');
  });

  it('sends a failed sign-on back to /sign-in with the reason in plain words', async () => {
    await context.clearCookies();
    await page.goto(`${server.url}/auth/oidc/callback?state=x&code=y`);
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.has('sso_error'));
    await waitForHeading(page, 'Sign in');
    const alert = page.getByRole('alert').filter({ hasText: 'Single sign-on did not work' });
    await alert.waitFor();
    const reason = new URL(page.url()).searchParams.get('sso_error') ?? '';
    expect(reason).toMatch(/^[A-Z].*\.$/);
    expect(await alert.innerText()).toContain(reason);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logged no console errors and threw no page errors along the way', () => {
    // The provider's development login page asks for a web font and a favicon it does not have;
    // those are its errors, not Gatehouse's. Everything from Gatehouse's own pages must be clean.
    const ours = [...pageErrors, ...adminErrors].filter(
      (error) => !error.includes(`(${providerOrigin}/`) && !error.includes('(https://fonts.googleapis.com/'),
    );
    expect(ours).toEqual([]);
  });
});
