import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlInPage, signIn } from './session';
import { startSmtpSink, type SmtpSink, type SunkMail } from './smtp-sink';

const PASSWORD = 'a long enough password';

/** The plain-text part of a mail, decoded (nodemailer sends non-ASCII text quoted-printable or base64). */
function textOf(mail: SunkMail): string {
  const parts = mail.raw.split(/\r\n--[^\r\n]+\r\n/);
  const part = parts.find((p) => /^content-type:\s*text\/plain/im.test(p.split('\r\n\r\n')[0] ?? '')) ?? mail.raw;
  const [head = '', ...rest] = part.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/**
 * SPEC §20 end to end (issue 21): a day picked in a browser west of UTC (New York) and east of it
 * (Tokyo) reads back as that same day on the page, in the audit log's sentence and in the email
 * the member receives — which names the day with the chooser's offset, as the server reads it from
 * the stored instant (apps/api/src/common/days.ts). An expiry saved before the day rule (midnight
 * UTC of the next day) still shows as the day it meant.
 */
describe('a picked day is that day everywhere, in every zone (SPEC §20)', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let admin: Page;
  const ids: Record<string, string> = {};

  const pageIn = async (timezoneId: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId, viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const own = collectErrors(page);
    page.on('close', () => errors.push(...own));
    await signIn(page, server.url);
    return page;
  };

  const gql = <T,>(query: string, variables: Record<string, unknown> = {}) => graphqlInPage<T>(admin, query, variables);

  const settle = async (page: Page, heading: string) => {
    await waitForHeading(page, heading);
    await page.getByTestId('server-version').waitFor();
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SMTP_URL: sink.url, MAIL_FROM: 'Gatehouse <gatehouse@gatehouse.test>', PUBLIC_URL: 'https://gatehouse.test' },
    });
    browser = await launchBrowser();
    admin = await pageIn('UTC');
    for (const [key, email, displayName] of [
      ['nora', 'nora@gatehouse.test', 'Nora York'],
      ['taro', 'taro@gatehouse.test', 'Taro Tokyo'],
      ['olga', 'olga@gatehouse.test', 'Olga Older'],
      ['sam', 'sam@gatehouse.test', 'Sam Shared'],
    ] as const) {
      ids[key] = (await gql<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email, displayName, password: PASSWORD } })).createUser.id;
    }
    ids['garden'] = (await gql<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "Garden", internal: false }) { id } }')).createGroup.id;
    ids['wiki'] = (await gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "document", name: "Team Wiki" }) { id } }')).createResource.id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  /** Adds one person to Garden until `day`, through the member form, as a person does. */
  const addUntil = async (page: Page, name: string, day: string) => {
    await page.goto(`${server.url}/groups/${ids['garden']}`);
    await settle(page, 'Garden');
    const picker = page.getByRole('combobox', { name: 'Add members' });
    await picker.click();
    await picker.fill(name.split(' ')[0]!);
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Until (optional)').fill(day);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Added 1 member.').waitFor();
  };

  const memberRow = (page: Page, name: string) => page.getByRole('region', { name: 'Member list' }).getByRole('row', { name: new RegExp(name) });

  /** The audit log's sentence matching `pattern`, read on the audit page in the page's own zone. */
  const auditSentence = async (page: Page, pattern: RegExp) => {
    await page.goto(`${server.url}/admin/audit`);
    await settle(page, 'Audit log');
    const entry = page.getByText(pattern).first();
    await entry.waitFor();
    return (await entry.textContent()) ?? '';
  };

  const mailTo = async (address: string, subject: string) => {
    await sink.waitFor((received) => received.some((m) => m.to.includes(address) && m.subject === subject));
    return textOf(sink.received.find((m) => m.to.includes(address) && m.subject === subject)!);
  };

  it('west of UTC: 10 Feb picked in New York is Feb 10 on the page, in the audit log and in the member’s email', async () => {
    const page = await pageIn('America/New_York');
    await addUntil(page, 'Nora York', '2027-02-10');
    expect(await memberRow(page, 'Nora York').textContent()).toContain('Feb 10, 2027');
    await page.reload();
    await settle(page, 'Garden');
    const row = (await memberRow(page, 'Nora York').textContent()) ?? '';
    expect(row).toContain('Feb 10, 2027');
    expect(row).not.toContain('Feb 11, 2027');

    const sentence = await auditSentence(page, /added Nora York to Garden/);
    expect(sentence).toContain('until 2027-02-10');
    expect(sentence).not.toContain('2027-02-11');

    const mail = await mailTo('nora@gatehouse.test', 'You were added to Garden');
    expect(mail).toContain('your membership ends on 2027-02-10 (end of the day, UTC−05:00)');
    await page.close();
  });

  it('east of UTC: 31 Mar picked in Tokyo is Mar 31 on the page, in the audit log and in the member’s email', async () => {
    const page = await pageIn('Asia/Tokyo');
    await addUntil(page, 'Taro Tokyo', '2027-03-31');
    const row = (await memberRow(page, 'Taro Tokyo').textContent()) ?? '';
    expect(row).toContain('Mar 31, 2027');
    expect(row).not.toContain('Apr 1, 2027');

    const sentence = await auditSentence(page, /added Taro Tokyo to Garden/);
    expect(sentence).toContain('until 2027-03-31');

    const mail = await mailTo('taro@gatehouse.test', 'You were added to Garden');
    expect(mail).toContain('your membership ends on 2027-03-31 (end of the day, UTC+09:00)');
    await page.close();
  });

  it('sharing a resource until a day, west of UTC: the access list and the audit log say that day', async () => {
    const page = await pageIn('America/Los_Angeles');
    await page.goto(`${server.url}/resources/${ids['wiki']}`);
    await settle(page, 'Team Wiki');
    const share = page.getByRole('form', { name: 'Share' });
    const picker = share.getByRole('combobox', { name: 'Share with people' });
    await picker.click();
    await picker.fill('Sam');
    await page.getByRole('option', { name: /Sam Shared/ }).click();
    await page.keyboard.press('Escape');
    await share.getByLabel('Until (optional)').fill('2027-02-10');
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    const grantRow = page.getByRole('region', { name: 'Access list' }).getByRole('row', { name: /Sam Shared/ });
    await grantRow.waitFor();
    await expect.poll(() => grantRow.textContent()).toContain('Feb 10, 2027');
    const sentence = await auditSentence(page, /gave Sam Shared read access to Team Wiki/);
    expect(sentence).toContain('until 2027-02-10');
    expect(sentence).not.toContain('2027-02-11');
    await page.close();
  });

  it('an expiry saved before the day rule (midnight UTC of the next day) shows as the day meant, east and west', async () => {
    // 31 Mar as the old code stored it, whatever the chooser's zone.
    await gql('mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: "2027-04-01T00:00:00Z") { user { id } } }', { g: ids['garden'], u: [ids['olga']] });
    for (const zone of ['Asia/Tokyo', 'America/New_York']) {
      const page = await pageIn(zone);
      await page.goto(`${server.url}/groups/${ids['garden']}`);
      await settle(page, 'Garden');
      const row = (await memberRow(page, 'Olga Older').textContent()) ?? '';
      expect(row, zone).toContain('Mar 31, 2027');
      expect(row, zone).not.toContain('Apr 1, 2027');
      expect(await auditSentence(page, /added Olga Older to Garden/), zone).toContain('until 2027-03-31');
      await page.close();
    }
    const mail = await mailTo('olga@gatehouse.test', 'You were added to Garden');
    expect(mail).toContain('your membership ends on 2027-03-31 (end of the day, UTC)');
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
