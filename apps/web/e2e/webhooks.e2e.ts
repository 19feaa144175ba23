import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn } from './session';

/** One POST the receiver got: its Standard Webhooks headers and the body as sent. */
interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  type: string;
}

const RECEIVER_ANSWER = 'received by the e2e receiver';
const GROUP = 'Webhook crew';

/** A small receiver on loopback that records every delivery and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const header = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? '');
      let type = '';
      try {
        type = String((JSON.parse(body) as { type?: unknown }).type ?? '');
      } catch {
        type = '(not JSON)';
      }
      received.push({
        id: header(request.headers, 'webhook-id'),
        timestamp: header(request.headers, 'webhook-timestamp'),
        signature: header(request.headers, 'webhook-signature'),
        body,
        type,
      });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(RECEIVER_ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/gatehouse`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Whether one of the `v1,` signatures in the header is the Standard Webhooks signature of this
 * delivery with `secret`: base64 HMAC-SHA256 of `id.timestamp.body`, keyed by the secret's bytes.
 * Written out here (not imported from the server) so the test checks the server independently.
 */
function signedWith(secret: string, delivery: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${delivery.id}.${delivery.timestamp}.${delivery.body}`).digest('base64');
  return delivery.signature.split(' ').includes(`v1,${expected}`);
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('admin webhooks: create, deliver, test, re-send, rotate, delete', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let secret = '';
  let webhookPath = '';
  let groupId = '';

  const log = () => page.getByRole('region', { name: 'Delivery attempts' });

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startServer({
      // The receiver listens on loopback, which webhooks refuse unless told otherwise (SPEC §17).
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, WEBHOOK_ALLOW_PRIVATE: 'true' },
    });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, server.url);
    const { createGroup } = await graphqlInPage<{ createGroup: { id: string } }>(
      page,
      'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input: { name: GROUP, description: 'Receives the webhook test' } },
    );
    groupId = createGroup.id;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('the admin nav leads to an empty Webhooks page', async () => {
    await page.goto(`${server.url}/groups`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Webhooks' }).click();
    await waitForHeading(page, 'Webhooks');
    await page.getByText('No webhooks yet').waitFor();
  });

  it('refuses a URL that is not http(s), in plain words beside the field', async () => {
    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill('hooks.example.com');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await dialog.getByText('The URL must start with https:// (or http://).').waitFor();
    // One the form lets through but the server cannot parse: the server's message, beside the field.
    await dialog.getByRole('textbox', { name: 'URL' }).fill('https://[not-a-host');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await dialog.getByText('The URL must be an http:// or https:// address of at most 2,000 characters.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates a webhook with filters and shows its secret once, with a copy button', async () => {
    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Chat roles');
    const types = dialog.getByRole('combobox', { name: 'Event types' });
    await types.click();
    await types.fill('membership.add');
    await page.getByRole('option', { name: 'membership.added', exact: true }).click();
    // Escape closes the open list, not the dialog (Mantine stops it at the combobox).
    await page.keyboard.press('Escape');
    const groups = dialog.getByRole('combobox', { name: 'Groups' });
    await groups.click();
    await groups.fill('Webhook');
    await page.getByRole('option', { name: GROUP }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create webhook' }).click();

    const shown = page.getByRole('dialog', { name: 'The webhook’s signing secret' });
    await shown.waitFor();
    await shown.getByText('you will not see it again').waitFor();
    secret = ((await shown.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await shown.getByRole('button', { name: 'Copy secret' }).click();
    await shown.getByRole('button', { name: 'Secret copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });

    const row = page.getByRole('region', { name: 'Webhook list' }).getByRole('row', { name: new RegExp(receiver.url) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('membership.added');
    expect(text).toContain('1 group');
    expect(text).toContain('No deliveries yet');
    await page.reload();
    await waitForHeading(page, 'Webhooks');
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('a matching change is delivered, signed, and shows SUCCEEDED in the log', async () => {
    const { createUser } = await graphqlInPage<{ createUser: { id: string } }>(
      page,
      'mutation { createUser(input: { email: "wanda@gatehouse.test", displayName: "Wanda Webhook" }) { id } }',
    );
    await graphqlInPage(page, 'mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', {
      g: groupId,
      u: [createUser.id],
    });

    const delivery = await until('the membership.added delivery', () => receiver.received.find((r) => r.type === 'membership.added'));
    expect(signedWith(secret, delivery)).toBe(true);
    const payload = JSON.parse(delivery.body) as { data: { user: { label: string }; group: { label: string } } };
    expect(payload.data.group.label).toBe(GROUP);
    // Filters: the user's default-group membership (another group) was not sent.
    expect(receiver.received.filter((r) => r.type !== 'membership.added')).toEqual([]);

    await page.getByRole('link', { name: receiver.url }).click();
    await waitForHeading(page, 'Webhook');
    webhookPath = new URL(page.url()).pathname;
    const row = log().getByRole('row', { name: /membership\.added/ });
    await row.getByText('Succeeded').waitFor();
    const text = await row.textContent();
    expect(text).toContain(delivery.id);
    expect(text).toContain('200');
    await page.getByText('Healthy', { exact: true }).waitFor();
    await row.getByText('Show response').click();
    await row.getByText(RECEIVER_ANSWER).waitFor();
  });

  it('sends a test event and shows it in the log', async () => {
    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText(`A test event is on its way to ${receiver.url}.`).waitFor();
    await log().getByRole('row', { name: /webhook\.test/ }).getByText('Succeeded').waitFor();
    const test = await until('the test delivery', () => receiver.received.slice(before).find((r) => r.type === 'webhook.test'));
    expect(signedWith(secret, test)).toBe(true);
    expect(test.id).toMatch(/^test_/);
  });

  it('filters the log to failed deliveries only', async () => {
    const section = page.getByRole('region', { name: 'Delivery log' });
    await section.getByText('Failed only', { exact: true }).click();
    await section.getByText('No failed deliveries').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await section.getByText('All', { exact: true }).click();
    await log().getByRole('row', { name: /membership\.added/ }).waitFor();
  });

  it('re-sends an event with the same webhook-id', async () => {
    const first = receiver.received.find((r) => r.type === 'membership.added')!;
    await log().getByRole('button', { name: `Re-send event ${first.id} (membership.added)` }).first().click();
    await page.getByText(`Event ${first.id} (membership.added) is queued to be sent again.`).waitFor();
    const again = await until('the re-sent delivery', () => {
      const same = receiver.received.filter((r) => r.id === first.id);
      return same.length >= 2 ? same[1] : undefined;
    });
    expect(again.body).toBe(first.body);
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('tr')].filter((tr) => tr.textContent?.includes(id) && tr.textContent.includes('Succeeded')).length >= 2,
      first.id,
    );
  });

  it('edits the filters and description, kept after a reload', async () => {
    const form = page.getByRole('form', { name: 'Webhook settings' });
    await form.getByRole('textbox', { name: 'Description' }).fill('Chat roles and wiki');
    const types = form.getByRole('combobox', { name: 'Event types' });
    await types.click();
    await types.fill('membership.remo');
    await page.getByRole('option', { name: 'membership.removed', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('Webhook saved.').waitFor();
    await page.reload();
    await waitForHeading(page, 'Webhook');
    await form.getByRole('textbox', { name: 'Description' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Chat roles and wiki');
    const formText = await form.textContent();
    expect(formText).toContain('membership.added');
    expect(formText).toContain('membership.removed');
    expect(formText).toContain(GROUP);
  });

  it('turning it off shows Disabled and holds back Send test; turning it on again sends', async () => {
    const form = page.getByRole('form', { name: 'Webhook settings' });
    const enabled = form.getByRole('switch', { name: 'Enabled' });
    await enabled.click({ force: true });
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('Disabled', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Send test' }).isDisabled()).toBe(true);
    await page.getByText('The endpoint is disabled, so nothing is sent to it').waitFor();
    await enabled.click({ force: true });
    await form.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('Healthy', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Send test' }).isDisabled()).toBe(false);
  });

  it('rotates the secret: the new one is shown once, and both sign for now', async () => {
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByRole('dialog', { name: 'The new signing secret' });
    await shown.getByText('The old secret keeps signing beside it for 24 hours').waitFor();
    const rotated = ((await shown.getByTestId('webhook-secret').textContent()) ?? '').trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });

    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Send test' }).click();
    const test = await until('a test delivery after the rotation', () => receiver.received.slice(before).find((r) => r.type === 'webhook.test'));
    expect(signedWith(rotated, test)).toBe(true);
    expect(signedWith(secret, test)).toBe(true);
    expect(signedWith('whsec_' + Buffer.alloc(32).toString('base64'), test)).toBe(false);
  });

  it('deletes it after a confirmation that names the URL', async () => {
    await page.getByRole('button', { name: 'Delete webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this webhook?' });
    expect(await dialog.textContent()).toContain(receiver.url);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete webhook' }).click();
    await dialog.getByRole('button', { name: 'Delete webhook' }).click();
    await waitForHeading(page, 'Webhooks');
    await page.getByText('No webhooks yet').waitFor();
    await page.goto(`${server.url}${webhookPath}`);
    await waitForHeading(page, 'Webhook not found');
  });

  it('shows a plain user the not-allowed page and no Webhooks link', async () => {
    await graphqlInPage(page, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: 'pat@gatehouse.test', displayName: 'Pat Plain', password: 'a long enough password, plainly' },
    });
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const plain = await other.newPage();
      await signIn(plain, server.url, 'pat@gatehouse.test', 'a long enough password, plainly');
      await plain.goto(`${server.url}/admin/webhooks`);
      await waitForHeading(plain, 'Not allowed');
      expect(await plain.getByRole('button', { name: 'New webhook' }).count()).toBe(0);
      const nav = plain.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Groups' }).first().waitFor();
      expect(await nav.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
