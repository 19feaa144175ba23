import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlRequest, signIn } from './session';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

const PAT = { email: 'pat@gatehouse.test', password: 'pat has a long password', displayName: 'Pat Person' };

/**
 * SPEC §18 end to end: the built server with SMTP_URL pointing at a sink; a person turns one kind
 * of email off on My account, and the next such event sends them no email (the in-app
 * notification still arrives), while other kinds still come.
 */
describe('email notifications: My account preferences', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let adminToken = '';
  const groups: Record<string, string> = {};

  const asAdmin = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const r = await graphqlRequest<T>(server.url, query, { token: adminToken, variables });
    if (r.errors?.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
    return r.data as T;
  };
  const mailsTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SMTP_URL: sink.url, MAIL_FROM: 'Gatehouse <gatehouse@gatehouse.test>', PUBLIC_URL: 'https://gatehouse.test' },
    });
    browser = await launchBrowser();
    // Set-up through the API as the admin (an API token minted in the admin's own browser session).
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, server.url);
    adminToken = await adminPage.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { createApiToken(name: "e2e") { token } }' }) });
      return ((await response.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken.token;
    });
    await adminContext.close();
    const made = await asAdmin<{ pat: { id: string }; a: { id: string }; b: { id: string } }>(
      `mutation ($email: String!, $password: String!, $name: String!) {
        pat: createUser(input: { email: $email, displayName: $name, password: $password }) { id }
        a: createGroup(input: { name: "Alpha Team", internal: false }) { id }
        b: createGroup(input: { name: "Beta Team", internal: false }) { id }
      }`,
      { email: PAT.email, password: PAT.password, name: PAT.displayName },
    );
    groups['pat'] = made.pat.id;
    groups['a'] = made.a.id;
    groups['b'] = made.b.id;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, server.url, PAT.email, PAT.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  const add = (group: string) => asAdmin('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: groups[group], u: [groups['pat']] });

  it('while on (the default), being added to a group sends an email', async () => {
    await add('a');
    await sink.waitFor(() => mailsTo(PAT.email).some((m) => m.subject === 'You were added to Alpha Team'));
  });

  it('turning "Added to a group" off on My account stops that email; the in-app notification still arrives; other kinds still come', async () => {
    await page.goto(`${server.url}/account`);
    await waitForHeading(page, 'My account');
    const section = page.getByRole('region', { name: 'Email notifications' });
    const added = section.getByRole('switch', { name: 'Added to a group' });
    expect(await added.isChecked()).toBe(true);
    expect(await section.getByRole('switch', { name: 'Removed from a group' }).isChecked()).toBe(true);
    await added.click({ force: true });
    // Saved on the server, and still off after a reload.
    await page.reload();
    await waitForHeading(page, 'My account');
    await expect.poll(() => page.getByRole('region', { name: 'Email notifications' }).getByRole('switch', { name: 'Added to a group' }).isChecked()).toBe(false);

    await add('b');
    // A later event of a kind still on: once its email is here, the earlier one would be too.
    await asAdmin('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: groups['a'], u: [groups['pat']] });
    await sink.waitFor(() => mailsTo(PAT.email).some((m) => m.subject === 'You were removed from Alpha Team'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsTo(PAT.email).map((m) => m.subject)).toEqual(['You were added to Alpha Team', 'You were removed from Alpha Team']);

    // In-app, it arrived.
    const inbox = await page.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ notifications(first: 10) { edges { node { title } } } }' }) });
      return ((await response.json()) as { data: { notifications: { edges: { node: { title: string } }[] } } }).data.notifications.edges.map((e) => e.node.title);
    });
    expect(inbox).toContain('You were added to Beta Team');
    expect(errors).toEqual([]);
  });

  it('an admin sends a test email from Settings and sees the SMTP server\'s answer', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const adminPage = await adminContext.newPage();
    const adminErrors = collectErrors(adminPage);
    try {
      await signIn(adminPage, server.url);
      await adminPage.goto(`${server.url}/admin/settings`);
      await waitForHeading(adminPage, 'Settings');
      const section = adminPage.getByRole('region', { name: 'Email' });
      await section.getByText(`Sending through ${sink.url}`).waitFor();
      await section.getByRole('textbox', { name: 'Send a test email to' }).fill('ops@gatehouse.test');
      await section.getByRole('button', { name: 'Send test email' }).click();
      await section.getByText('The SMTP server accepted the test email').waitFor();
      await section.getByText('250 2.0.0 Ok: queued').waitFor();
      expect(mailsTo('ops@gatehouse.test').map((m) => m.subject)).toEqual(['Gatehouse test email']);
      expect(adminErrors).toEqual([]);
    } finally {
      await adminContext.close();
    }
  });
});
