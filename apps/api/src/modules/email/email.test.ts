import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp';
import { NotificationEntity } from '../notifications/notification.entity';
import { OutboundAttemptEntity } from '../outbound/outbound-attempt.entity';
import { OutboundMessageEntity } from '../outbound/outbound-message.entity';
import type { GroupEntity } from '../groups/group.entity';

const PUBLIC_URL = 'https://gatehouse.example.org';
const RETRY_MS = 300;

let smtp: TestSmtp;
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Gatehouse <gatehouse@example.org>',
    PUBLIC_URL,
    EMAIL_RETRY_DELAYS: [RETRY_MS, RETRY_MS, RETRY_MS, RETRY_MS, RETRY_MS, RETRY_MS].map((ms) => ms / 1000).join(','),
  });
  cast = await makeCast(app);
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

/** What a server's outbound worker does after a commit: claim what is due and send it. */
const deliver = () => app.services.outbound.passes();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const JOIN = 'mutation ($g: ID!, $r: String) { joinGroup(groupId: $g, reason: $r) { outcome request { id } } }';
const APPROVE = 'mutation ($id: ID!, $c: String) { approveRequest(requestId: $id, comment: $c) { id status } }';
const SET_PREFS = 'mutation ($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind email label } }';
const MY_PREFS = '{ me { notificationPreferences { kind email } } }';

async function requestJoin(group: GroupEntity, who: TestUser, reason = 'I need it'): Promise<string> {
  const r = await app.gql<{ joinGroup: { request: { id: string } } }>(JOIN, { g: group.id, r: reason }, who.as);
  expect(r.errors).toBeUndefined();
  return r.data!.joinGroup.request.id;
}

async function myPrefs(who: TestUser): Promise<Record<string, boolean>> {
  const r = await app.gql<{ me: { notificationPreferences: { kind: string; email: boolean }[] } }>(MY_PREFS, {}, who.as);
  return Object.fromEntries(r.data!.me.notificationPreferences.map((p) => [p.kind, p.email]));
}

const mailTo = (who: TestUser, subjectPart: string) => smtp.to(who.user.email).filter((m) => (m.subject ?? '').includes(subjectPart));
/** A header as sent (unfolded), not as mailparser interprets it. */
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
};
const unsubscribeUrl = (mail: ParsedMail) => /^<([^>]+)>$/.exec(header(mail, 'list-unsubscribe').trim())?.[1] ?? '';

describe('SPEC §18 email copies of notifications', () => {
  it('a join request emails the leader: text and HTML parts, the group named and escaped, its link, one-click unsubscribe', async () => {
    const group = await makeGroup(app, { name: `R&D <Ops> ${Date.now()}`, leaders: [cast.leader.user.id] });
    const requester = await makeUser(app, { displayName: 'Rita Requester' });
    await requestJoin(group, requester, 'Need the <lab> & tools');
    await deliver();
    await smtp.waitFor(() => mailTo(cast.leader, group.name).length === 1);
    const mail = mailTo(cast.leader, group.name)[0]!;
    expect(mail.subject).toBe(`Rita Requester asks to join ${group.name}`);
    expect(mail.from?.value).toEqual([{ name: 'Gatehouse', address: 'gatehouse@example.org' }]);
    // Plain text, readable on its own: the message, the link to act on, why it came, how to stop it.
    expect(mail.text).toContain(`Rita Requester asks to join ${group.name}`);
    expect(mail.text).toContain('Need the <lab> & tools');
    expect(mail.text).toContain(`Approve or reject it: ${PUBLIC_URL}/queue`);
    expect(mail.text).toContain(`${PUBLIC_URL}/unsubscribe?token=`);
    // HTML: the same words, every value escaped.
    const html = String(mail.html);
    expect(html).toContain('R&amp;D &lt;Ops&gt;');
    expect(html).toContain('Need the &lt;lab&gt; &amp; tools');
    expect(html).not.toContain('<Ops>');
    expect(html).toContain(`href="${PUBLIC_URL}/queue"`);
    // RFC 8058
    expect(unsubscribeUrl(mail)).toMatch(new RegExp(`^${PUBLIC_URL}/unsubscribe\\?token=[^&\\s]+$`));
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('a decision emails the requester, naming the group and linking to its page', async () => {
    const requester = await makeUser(app);
    const id = await requestJoin(cast.group, requester);
    expect(outcome(await app.gql(APPROVE, { id, c: 'Welcome aboard' }, cast.leader.as))).toBe('OK');
    await deliver();
    await smtp.waitFor(() => mailTo(requester, 'was approved').length === 1);
    const mail = mailTo(requester, 'was approved')[0]!;
    expect(mail.subject).toBe(`Your request to join ${cast.group.name} was approved`);
    expect(mail.text).toContain('Welcome aboard');
    expect(mail.text).toContain(`${PUBLIC_URL}/groups/${cast.group.id}`);
  });

  it('a kind switched off sends no email of that kind; the in-app notification still arrives; other kinds still go', async () => {
    const requester = await makeUser(app);
    const off = await app.gql<{ setNotificationPreferences: { kind: string; email: boolean }[] }>(SET_PREFS, { p: [{ kind: 'REQUEST_DECIDED', email: false }] }, requester.as);
    expect(off.data?.setNotificationPreferences.find((p) => p.kind === 'REQUEST_DECIDED')?.email).toBe(false);
    expect(off.data?.setNotificationPreferences).toHaveLength(7); // answers every kind
    const id = await requestJoin(cast.group, requester);
    expect(outcome(await app.gql(APPROVE, { id }, cast.leader.as))).toBe('OK');
    // Another kind, still on, after it: once that one arrives, the decision's would have too.
    const other = await makeGroup(app, { leaders: [cast.leader.user.id] });
    expect(outcome(await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: other.id, u: [requester.user.id] }, cast.admin.as))).toBe('OK');
    await deliver();
    await smtp.waitFor(() => mailTo(requester, `You were added to ${other.name}`).length === 1);
    expect(smtp.to(requester.user.email).map((m) => m.subject)).toEqual([`You were added to ${other.name}`]);
    // Nothing was even queued for the switched-off kind.
    const queued = await app.dataSource.manager.findBy(OutboundMessageEntity, { channel: 'EMAIL', targetId: requester.user.id });
    expect(queued.map((m) => m.payload?.['kind'])).toEqual(['MEMBERSHIP_ADDED']);
    const inApp = await app.dataSource.manager.findBy(NotificationEntity, { userId: requester.user.id });
    expect(inApp.map((n) => n.title)).toContain(`Your request to join ${cast.group.name} was approved`);
  });

  it('the unsubscribe link: GET only asks, POST (one click) switches the kind off; a forged or altered token is refused', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app);
    expect(outcome(await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as))).toBe('OK');
    await deliver();
    await smtp.waitFor(() => mailTo(person, group.name).length === 1);
    const link = new URL(unsubscribeUrl(mailTo(person, group.name)[0]!));
    const local = `${link.pathname}${link.search}`;
    const token = link.searchParams.get('token')!;

    // A mail scanner's GET: a page with a button, nothing changed.
    const page = await app.fetch(local);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Added to a group');
    expect(body).toContain('<form method="post"');
    expect((await myPrefs(person))['MEMBERSHIP_ADDED']).toBe(true);

    // Forged and altered tokens: refused, nothing changed.
    const [userId, kind, signature] = token.split('.') as [string, string, string];
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const forged = [
      `${userId}.${kind}.${flipped}`, // altered signature
      `${cast.user.user.id}.${kind}.${signature}`, // someone else, same signature
      `${userId}.REQUEST_DECIDED.${signature}`, // another kind, same signature
      `${userId}.${kind}`,
      'not-a-token',
    ];
    for (const bad of forged) {
      const refused = await app.fetch(`/unsubscribe?token=${encodeURIComponent(bad)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(refused.status, bad).toBe(400);
    }
    expect((await app.fetch('/unsubscribe', { method: 'POST' })).status).toBe(400);
    expect(await myPrefs(person)).toMatchObject({ MEMBERSHIP_ADDED: true, REQUEST_DECIDED: true });
    expect((await myPrefs(cast.user))['MEMBERSHIP_ADDED']).toBe(true);

    // The mail client's one-click POST (RFC 8058), no session.
    const done = await app.fetch(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You will no longer get “Added to a group” emails');
    expect(await myPrefs(person)).toMatchObject({ MEMBERSHIP_ADDED: false, MEMBERSHIP_REMOVED: true });

    // The next one of that kind: in-app only.
    const next = await makeGroup(app);
    expect(outcome(await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: next.id, u: [person.user.id] }, cast.admin.as))).toBe('OK');
    expect(await app.dataSource.manager.countBy(OutboundMessageEntity, { channel: 'EMAIL', targetId: person.user.id })).toBe(1);
    expect(await app.dataSource.manager.countBy(NotificationEntity, { userId: person.user.id, title: `You were added to ${next.name}` })).toBe(1);
  });

  it('an SMTP server answering 451 for a while delays the mail but loses none; the causing mutation answers at once', async () => {
    const requester = await makeUser(app);
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    smtp.refuse(451);
    try {
      const started = performance.now();
      await requestJoin(group, requester);
      expect(performance.now() - started).toBeLessThan(2_000);
      await deliver();
      const refusedBefore = smtp.refused;
      expect(refusedBefore).toBeGreaterThanOrEqual(1);
      await sleep(RETRY_MS + 100);
      await deliver();
      expect(smtp.refused).toBeGreaterThan(refusedBefore);
      expect(mailTo(cast.leader, group.name)).toHaveLength(0);
    } finally {
      smtp.refuse(null);
    }
    await sleep(RETRY_MS + 100);
    await deliver();
    await smtp.waitFor(() => mailTo(cast.leader, group.name).length === 1);
    await sleep(RETRY_MS + 100);
    await deliver();
    expect(mailTo(cast.leader, group.name)).toHaveLength(1); // once
    const message = await app.dataSource.manager.findOneByOrFail(OutboundMessageEntity, { channel: 'EMAIL', targetId: cast.leader.user.id, status: 'SUCCEEDED', attempts: 3 });
    const attempts = await app.dataSource.manager.find(OutboundAttemptEntity, { where: { messageId: message.id }, order: { attempt: 'ASC' } });
    expect(attempts.map((a) => [a.status, a.statusCode])).toEqual([
      ['RETRYING', 451],
      ['RETRYING', 451],
      ['SUCCEEDED', 250],
    ]);
  });

  it('a 5xx is the SMTP server\'s final word: not retried, the message FAILED with its answer', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app);
    smtp.refuse(550);
    try {
      expect(outcome(await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as))).toBe('OK');
      await deliver();
    } finally {
      smtp.refuse(null);
    }
    const message = await app.dataSource.manager.findOneByOrFail(OutboundMessageEntity, { channel: 'EMAIL', targetId: person.user.id });
    expect(message).toMatchObject({ status: 'FAILED', attempts: 1, nextAttemptAt: null });
    const attempts = await app.dataSource.manager.findBy(OutboundAttemptEntity, { messageId: message.id });
    expect(attempts.map((a) => [a.status, a.statusCode])).toEqual([['FAILED', 550]]);
    await sleep(RETRY_MS + 100);
    await deliver();
    expect(mailTo(person, group.name)).toHaveLength(0);
  });

  it('a running server sends it by itself after the commit: nobody has to ask', async () => {
    const running = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'gatehouse@example.org', PUBLIC_URL }, { sameDatabaseAs: app });
    try {
      await running.startDelivery();
      const requester = await makeUser(app);
      const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
      const r = await running.gql<{ joinGroup: { outcome: string } }>(JOIN, { g: group.id, r: 'please' }, requester.as);
      expect(r.data?.joinGroup.outcome).toBe('REQUESTED');
      await smtp.waitFor(() => mailTo(cast.leader, group.name).length === 1);
    } finally {
      await running.close();
    }
  });

  it('an SMTP server that is down: the change commits, the mail waits and is sent when it is back', async () => {
    const down = await startTestSmtp();
    await down.close();
    const other = await startTestApp({ SMTP_URL: down.url, MAIL_FROM: 'gatehouse@example.org', PUBLIC_URL, EMAIL_RETRY_DELAYS: '0.2,0.2' }, { sameDatabaseAs: app });
    try {
      const person = await makeUser(app);
      const group = await makeGroup(app);
      const added = await other.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as);
      expect(outcome(added)).toBe('OK');
      // Only the server that cannot reach SMTP runs: the attempt fails and is kept for later.
      await other.services.outbound.passes();
      const waiting = await app.dataSource.manager.findOneByOrFail(OutboundMessageEntity, { channel: 'EMAIL', targetId: person.user.id });
      expect(waiting.status).toBe('RETRYING');
      // Any server of the deployment (here: the first, whose SMTP answers) sends it when due.
      await sleep(300);
      await deliver();
      await smtp.waitFor(() => mailTo(person, group.name).length === 1);
    } finally {
      await other.close();
    }
  });
});

describe('preferences (SPEC §18 defaults) and their authorization', () => {
  it('every kind is on by default; the field answers only to the user themself', async () => {
    const person = await makeUser(app);
    expect(Object.values(await myPrefs(person)).every(Boolean)).toBe(true);
    expect(Object.keys(await myPrefs(person))).toEqual(['REQUEST_TO_DECIDE', 'REQUEST_DECIDED', 'MEMBERSHIP_ADDED', 'MEMBERSHIP_REMOVED', 'EXPIRY_WARNING', 'REVIEW_ASSIGNED', 'ADMIN_ALERT']);
    const asAdmin = await app.gql<{ user: { notificationPreferences: unknown[] } }>('query ($id: ID!) { user(id: $id) { notificationPreferences { kind } } }', { id: person.user.id }, cast.admin.as);
    expect(asAdmin.data?.user.notificationPreferences).toEqual([]);
  });

  it('kinds not listed keep their value; the same kind both on and off is BAD_USER_INPUT; an unknown kind is refused', async () => {
    const person = await makeUser(app);
    await app.gql(SET_PREFS, { p: [{ kind: 'EXPIRY_WARNING', email: false }] }, person.as);
    await app.gql(SET_PREFS, { p: [{ kind: 'REQUEST_DECIDED', email: false }] }, person.as);
    expect(await myPrefs(person)).toMatchObject({ EXPIRY_WARNING: false, REQUEST_DECIDED: false, MEMBERSHIP_ADDED: true });
    await app.gql(SET_PREFS, { p: [{ kind: 'EXPIRY_WARNING', email: true }] }, person.as);
    expect(await myPrefs(person)).toMatchObject({ EXPIRY_WARNING: true, REQUEST_DECIDED: false });
    const both = await app.gql(SET_PREFS, { p: [{ kind: 'EXPIRY_WARNING', email: true }, { kind: 'EXPIRY_WARNING', email: false }] }, person.as);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    expect(outcome(await app.gql(SET_PREFS, { p: [{ kind: 'NOPE', email: true }] }, person.as))).toBe('BAD_USER_INPUT');
    expect((await myPrefs(person))['EXPIRY_WARNING']).toBe(true);
  });

  it('setNotificationPreferences authorization matrix: every signed-in person sets their own', async () => {
    await expectMatrix(app, cast, SET_PREFS, () => ({ p: [{ kind: 'REVIEW_ASSIGNED', email: false }] }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    // Each changed only their own.
    expect((await myPrefs(cast.user))['REVIEW_ASSIGNED']).toBe(false);
    await app.gql(SET_PREFS, { p: [{ kind: 'REVIEW_ASSIGNED', email: true }] }, cast.user.as);
    expect((await myPrefs(cast.user))['REVIEW_ASSIGNED']).toBe(true);
    expect((await myPrefs(cast.admin))['REVIEW_ASSIGNED']).toBe(false);
  });
});

describe('the test email (admins)', () => {
  const SEND = 'mutation ($to: String!) { sendTestEmail(to: $to) }';
  const TEST = 'mutation ($to: String!) { testEmail(to: $to) { accepted code response durationMs } }';

  it('sendTestEmail authorization matrix: admins only; sent at once, not queued', async () => {
    await expectMatrix(app, cast, SEND, (role) => ({ to: `matrix-${role}@example.org` }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    expect(smtp.to('matrix-admin@example.org')).toHaveLength(1);
    expect(smtp.to('matrix-user@example.org')).toHaveLength(0);
    expect(smtp.to('matrix-admin@example.org')[0]!.subject).toBe('Gatehouse test email');
  });

  it('testEmail authorization matrix, and it shows the SMTP server\'s answer, also a refusal', async () => {
    await expectMatrix(app, cast, TEST, (role) => ({ to: `answer-${role}@example.org` }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const ok = await app.gql<{ testEmail: { accepted: boolean; code: number; response: string } }>(TEST, { to: 'someone@example.org' }, cast.admin.as);
    expect(ok.data?.testEmail).toMatchObject({ accepted: true, code: 250 });
    expect(ok.data?.testEmail.response).toMatch(/^250/);
    smtp.refuse(550);
    try {
      const refused = await app.gql<{ testEmail: { accepted: boolean; code: number; response: string } }>(TEST, { to: 'someone@example.org' }, cast.admin.as);
      expect(refused.data?.testEmail).toMatchObject({ accepted: false, code: 550 });
      expect(refused.data?.testEmail.response).toContain('Refused');
      expect((await app.gql<{ sendTestEmail: boolean }>(SEND, { to: 'someone@example.org' }, cast.admin.as)).data?.sendTestEmail).toBe(false);
    } finally {
      smtp.refuse(null);
    }
  });

  it('a malformed address is BAD_USER_INPUT', async () => {
    for (const to of ['', 'nobody', 'a@b', 'two@example.org, three@example.org', `${'x'.repeat(250)}@example.org`]) {
      expect((await app.gql(SEND, { to }, cast.admin.as)).errors?.[0]?.extensions, to).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('the settings say whether email is sent, and from where (never the SMTP credentials)', async () => {
    const r = await app.gql<{ settings: { emailDelivery: { enabled: boolean; server: string; from: string } } }>('{ settings { emailDelivery { enabled server from } } }', {}, cast.admin.as);
    expect(r.data?.settings.emailDelivery).toEqual({ enabled: true, server: smtp.url, from: 'Gatehouse <gatehouse@example.org>' });
  });
});

describe('without SMTP_URL: in-app only', () => {
  it('nothing is queued, the settings say so, and a test email is CONFLICT (EMAIL_NOT_CONFIGURED)', async () => {
    const plain = await startTestApp({}, { sameDatabaseAs: app });
    try {
      const r = await plain.gql<{ settings: { emailDelivery: { enabled: boolean; server: string | null } } }>('{ settings { emailDelivery { enabled server } } }', {}, cast.admin.as);
      expect(r.data?.settings.emailDelivery).toEqual({ enabled: false, server: null });
      const refused = await plain.gql('mutation { sendTestEmail(to: "someone@example.org") }', {}, cast.admin.as);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_NOT_CONFIGURED' });
      const person = await makeUser(app);
      const group = await makeGroup(app);
      expect(outcome(await plain.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as))).toBe('OK');
      expect(await app.dataSource.manager.countBy(NotificationEntity, { userId: person.user.id })).toBe(1);
      expect(await app.dataSource.manager.countBy(OutboundMessageEntity, { channel: 'EMAIL', targetId: person.user.id })).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
