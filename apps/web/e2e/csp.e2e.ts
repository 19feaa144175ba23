import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn, startServerWithAdmin } from './session';

/** What the browser reported for one blocked (or would-be blocked) load or inline code. */
interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * The built SPA under the server's Content-Security-Policy, in Chromium: every main page loads as
 * the signed-in admin with no CSP violation (reported by the browser's `securitypolicyviolation`
 * events) and no console error, and the policy really is enforced (an inline script is refused).
 */
describe('Content-Security-Policy', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const violations: Violation[] = [];

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Reported from every document of the context, before any of the page's own scripts run.
    await context.exposeBinding('reportCspViolation', ({ page: from }, violation: Omit<Violation, 'page'>) => {
      violations.push({ page: from.url(), ...violation });
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation: (v: object) => void }).reportCspViolation;
        void report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
      });
    });
    page = await context.newPage();
    errors = collectErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  /** Opens `path` as a person would (a full load), waits for its heading, checks the header. */
  const visit = async (path: string, heading: string) => {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
    await waitForHeading(page, heading);
    // Its lazy chunks, styles and queries all loaded: whatever the policy could refuse was tried.
    await page.waitForLoadState('networkidle');
  };

  it('the sign-in page, signed out', async () => {
    await visit('/sign-in', 'Sign in');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('every main page as the signed-in admin: no violation, no console error', async () => {
    await signIn(page, server.url);
    const { createGroup } = await graphqlInPage<{ createGroup: { id: string } }>(
      page,
      'mutation { createGroup(input: { name: "Platform", description: "Runs the servers." }) { id } }',
    );
    const { me } = await graphqlInPage<{ me: { id: string } }>(page, '{ me { id } }');
    const pages: [string, string][] = [
      ['/groups', 'Groups'],
      [`/groups/${createGroup.id}`, 'Platform'],
      ['/requests', 'My requests'],
      ['/access', 'My access'],
      ['/account', 'My account'],
      ['/queue', 'Approval queue'],
      ['/admin/users', 'Users'],
      [`/admin/users/${me.id}`, ADMIN.displayName],
      ['/admin/groups', 'All groups'],
      [`/admin/groups/${createGroup.id}`, 'Platform'],
      ['/admin/permissions', 'Permissions'],
      ['/admin/settings', 'Settings'],
      ['/admin/sso', 'Single sign-on'],
      ['/admin/audit', 'Audit log'],
      ['/no/such/page', 'Page not found'],
    ];
    for (const [path, heading] of pages) await visit(path, heading);
    // A dialog and a notification: Mantine renders both (and their styles) at run time.
    await visit('/admin/users', 'Users');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByRole('dialog', { name: 'New user' }).waitFor();
    await page.keyboard.press('Escape');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is enforced: an injected inline script does not run, and the browser reports it', async () => {
    await visit('/groups', 'Groups');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.map((v) => v.directive)).toContain('script-src-elem');
    violations.length = 0;
    errors.length = 0; // the browser's console line for the refusal
  });

  it("'self' in connect-src covers a WebSocket to this origin", async () => {
    await visit('/groups', 'Groups');
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/graphql`);
          // No WebSocket server listens there yet: the socket fails, but not because of the policy.
          socket.onerror = () => resolve();
          socket.onclose = () => resolve();
        }),
    );
    expect(violations).toEqual([]);
    // An origin the policy does not name is refused.
    await page.evaluate(() => {
      try {
        new WebSocket('ws://elsewhere.invalid/');
      } catch {
        // Chromium throws a SecurityError as well as reporting the violation.
      }
    });
    await expect.poll(() => violations.map((v) => v.directive)).toContain('connect-src');
  });
});
