import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { graphqlInPage, signIn, startServerWithAdmin } from './session';

// Set E2E_SCREENSHOT_DIR to keep pictures of the pages for a human look.
const screenshotDir = process.env.E2E_SCREENSHOT_DIR;
const PASSWORD = 'a long enough password';

// The self-service walks of issue 4: a member asks, a leader decides, the member sees the result;
// leaving an open group; autoLeave; a bulk rejection. Set-up goes through GraphQL as the admin.
describe('self-service groups: join, leave, the approval queue, settings', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let admin: Page;
  let member: Page;
  let leader: Page;
  let bookClubId = '';
  let chessId = '';

  /** A signed-in page of its own (its own cookies), collecting console errors. */
  const pageFor = async (email?: string): Promise<Page> => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const own = collectErrors(page);
    page.on('close', () => errors.push(...own));
    await signIn(page, server.url, email, email ? PASSWORD : undefined);
    return page;
  };

  const settle = async (page: Page, heading: string) => {
    await waitForHeading(page, heading);
    await page.getByTestId('server-version').waitFor();
  };

  const noSeriousViolations = async (page: Page, screenshot?: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    if (screenshotDir && screenshot) await page.screenshot({ path: path.join(screenshotDir, screenshot), fullPage: true });
  };

  const createUser = async (email: string, displayName: string) => {
    const data = await graphqlInPage<{ createUser: { id: string } }>(
      admin,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName, password: PASSWORD } },
    );
    return data.createUser.id;
  };

  const createGroup = async (input: Record<string, unknown>) => {
    const data = await graphqlInPage<{ createGroup: { id: string } }>(
      admin,
      'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input },
    );
    return data.createGroup.id;
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    admin = await pageFor();
    const leaderId = await createUser('leo@gatehouse.test', 'Leo Leader');
    await createUser('mia@gatehouse.test', 'Mia Member');
    await createUser('nat@gatehouse.test', 'Nat Newcomer');
    await createUser('oli@gatehouse.test', 'Oli Other');
    bookClubId = await createGroup({ name: 'Book club', description: 'We read.', internal: false });
    chessId = await createGroup({ name: 'Chess', description: 'We play.', internal: false, open: true });
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', {
      g: bookClubId,
      u: [leaderId],
    });
    member = await pageFor('mia@gatehouse.test');
    leader = await pageFor('leo@gatehouse.test');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('a member asks to join with a reason; the outcome is said in words', async () => {
    await member.goto(`${server.url}/groups`);
    await settle(member, 'Groups');
    const directory = member.getByRole('region', { name: 'Group directory' });
    await directory.getByRole('link', { name: 'Book club', exact: true }).waitFor();
    await noSeriousViolations(member, 'groups.png');
    await directory.getByRole('link', { name: 'Book club', exact: true }).click();
    await settle(member, 'Book club');
    await member.getByRole('button', { name: 'Request to join' }).click();
    const dialog = member.getByRole('dialog', { name: 'Ask to join Book club' });
    await dialog.getByLabel('Reason').fill('I read a book a week.');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await member.getByTestId('membership-outcome').getByText('Your request to join Book club was sent to the approvers.').waitFor();
    await member.getByRole('button', { name: 'Withdraw request' }).waitFor();
    await noSeriousViolations(member, 'group.png');
  });

  it('the leader sees it counted in the navigation and in the queue, and approves with a comment', async () => {
    await leader.goto(`${server.url}/groups`);
    await settle(leader, 'Groups');
    const queueLink = leader.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Approval queue/ });
    await queueLink.getByTestId('queue-count').waitFor();
    expect(await queueLink.getByTestId('queue-count').textContent()).toBe('1 pending');
    await queueLink.click();
    await settle(leader, 'Approval queue');
    const row = leader.getByRole('region', { name: 'Pending requests' }).getByRole('row', { name: /Mia Member/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('I read a book a week.');
    expect(await leader.getByRole('tab', { name: /Join requests/ }).textContent()).toContain('1');
    await noSeriousViolations(leader, 'queue.png');
    await row.getByRole('button', { name: 'Approve Mia Member for Book club' }).click();
    const dialog = leader.getByRole('dialog', { name: /^Approve the request of Mia Member/ });
    await dialog.getByLabel('Comment (optional)').fill('Welcome aboard!');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await leader.getByText('No join requests wait for your decision.').waitFor();
    await leader.getByRole('status').getByText(/^Approved the request of Mia Member/).waitFor();
    // The navigation count follows the decision.
    await queueLink.getByTestId('queue-count').waitFor({ state: 'detached' });
  });

  it('the member sees the approval with its comment on My requests, and a notification in the bell', async () => {
    await member.goto(`${server.url}/requests`);
    await settle(member, 'My requests');
    const row = member.getByRole('region', { name: 'My requests' }).getByRole('row', { name: /Book club/ });
    await row.waitFor();
    await row.getByText('Approved').waitFor();
    expect(await row.textContent()).toContain('“Welcome aboard!”');
    expect(await row.textContent()).toContain('Leo Leader');
    await noSeriousViolations(member, 'requests.png');
    const bell = member.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.click();
    const popover = member.getByRole('dialog', { name: 'Notifications' });
    await popover.getByText('Your request to join Book club was approved').waitFor();
    expect(await popover.textContent()).toContain('Welcome aboard!');
    await noSeriousViolations(member);
    await popover.getByRole('button', { name: 'Mark all read' }).click();
    await member.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await member.keyboard.press('Escape');
  });

  it('a member joins and then leaves an open group, each outcome in words', async () => {
    await member.goto(`${server.url}/groups/${chessId}`);
    await settle(member, 'Chess');
    await member.getByRole('button', { name: 'Join', exact: true }).click();
    await member.getByTestId('membership-outcome').getByText('You joined Chess.').waitFor();
    await member.getByText(/You are a member since/).waitFor();
    await member.getByRole('button', { name: 'Leave', exact: true }).click();
    await member.getByRole('dialog', { name: 'Leave Chess?' }).getByRole('button', { name: 'Leave group' }).click();
    await member.getByTestId('membership-outcome').getByText('You left Chess.').waitFor();
    await member.getByText('You are not a member.').waitFor();
    await member.getByRole('button', { name: 'Join', exact: true }).waitFor();
    // Gone from "My groups" too.
    await member.goto(`${server.url}/groups`);
    await settle(member, 'Groups');
    // The segmented control's radio is visually hidden under its label, so the label is clicked.
    await member.getByText('My groups', { exact: true }).click();
    const directory = member.getByRole('region', { name: 'Group directory' });
    await directory.getByRole('link', { name: 'Chess', exact: true }).waitFor({ state: 'detached' });
    expect(await directory.getByRole('link', { name: 'Book club', exact: true }).count()).toBe(1);
  });

  it('with autoLeave switched on by an admin, leaving a group that is not open happens at once', async () => {
    await member.goto(`${server.url}/groups/${bookClubId}`);
    await settle(member, 'Book club');
    // Before: leaving Book club needs approval.
    await member.getByRole('button', { name: 'Request to leave' }).waitFor();

    await admin.goto(`${server.url}/admin/settings`);
    await settle(admin, 'Settings');
    const toggle = admin.getByRole('switch', { name: /^Leave without approval/ });
    expect(await toggle.isChecked()).toBe(false);
    await noSeriousViolations(admin, 'admin-settings.png');
    await toggle.click({ force: true });
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved.').waitFor();
    await admin.reload();
    await settle(admin, 'Settings');
    expect(await admin.getByRole('switch', { name: /^Leave without approval/ }).isChecked()).toBe(true);

    await member.reload();
    await settle(member, 'Book club');
    await member.getByRole('button', { name: 'Leave', exact: true }).click();
    await member.getByRole('dialog', { name: 'Leave Book club?' }).getByRole('button', { name: 'Leave group' }).click();
    await member.getByTestId('membership-outcome').getByText('You left Book club.').waitFor();
    await member.getByText('You are not a member.').waitFor();
  });

  it('the leader rejects two requests at once with one comment, and both are decided', async () => {
    for (const email of ['nat@gatehouse.test', 'oli@gatehouse.test']) {
      const page = await pageFor(email);
      await graphqlInPage(page, 'mutation($g: ID!) { joinGroup(groupId: $g, reason: "Please") { outcome } }', { g: bookClubId });
      await page.close();
    }
    await leader.goto(`${server.url}/queue`);
    await settle(leader, 'Approval queue');
    const table = leader.getByRole('region', { name: 'Pending requests' });
    await table.getByRole('row', { name: /Nat Newcomer/ }).waitFor();
    await table.getByRole('row', { name: /Oli Other/ }).waitFor();
    await leader.getByRole('checkbox', { name: 'Select all requests shown' }).check({ force: true });
    await leader.getByText('2 requests selected').waitFor();
    await leader.getByRole('button', { name: 'Reject selected' }).click();
    const dialog = leader.getByRole('dialog', { name: 'Reject 2 requests' });
    await dialog.getByLabel('Comment (optional)').fill('Full this season.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await leader.getByRole('status').getByText('Rejected 2 requests.').waitFor();
    await leader.getByText('No join requests wait for your decision.').waitFor();
    const rejected = await graphqlInPage<{ groupRequests: { edges: { node: { status: string; decisionComment: string } }[] } }>(
      admin,
      'query($g: ID!) { groupRequests(filter: { groupId: $g, status: REJECTED }) { edges { node { status decisionComment } } } }',
      { g: bookClubId },
    );
    expect(rejected.groupRequests.edges.map((edge) => edge.node)).toEqual([
      { status: 'REJECTED', decisionComment: 'Full this season.' },
      { status: 'REJECTED', decisionComment: 'Full this season.' },
    ]);
  });

  it('logged no console errors and threw no page errors along the way', async () => {
    for (const page of [admin, member, leader]) await page.close();
    expect(errors).toEqual([]);
  });
});
