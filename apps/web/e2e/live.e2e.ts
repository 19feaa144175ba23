import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { graphqlInPage, signIn, startServerWithAdmin } from './session';

const PASSWORD = 'a long enough password';

// Live updates (SPEC §17, issue 17): the leader's bell and queue count rise while the page stays
// open — no reload, no waiting for the poll — when a member asks to join; and a dropped socket
// comes back and catches up.
describe('live updates in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let admin: Page;
  let leader: Page;
  let groupId = '';

  const pageFor = async (email?: string): Promise<Page> => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const own = collectErrors(page);
    page.on('close', () => errors.push(...own));
    await signIn(page, server.url, email, email ? PASSWORD : undefined);
    return page;
  };

  const createUser = async (email: string, displayName: string) => {
    const data = await graphqlInPage<{ createUser: { id: string } }>(
      admin,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName, password: PASSWORD } },
    );
    return data.createUser.id;
  };

  const bellLabel = (page: Page) => page.getByTestId('notification-bell').getAttribute('aria-label');
  const queueCount = (page: Page) => page.getByTestId('queue-count');
  /** Asks to join as `email`, from the test (another person's action, not the leader's page). */
  const askToJoin = async (email: string) => {
    const other = await pageFor(email);
    await graphqlInPage(other, 'mutation($g: ID!) { joinGroup(groupId: $g, reason: "please") { request { id } } }', { g: groupId });
    await other.close();
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    admin = await pageFor();
    const leaderId = await createUser('lena@gatehouse.test', 'Lena Leader');
    await createUser('max@gatehouse.test', 'Max Member');
    await createUser('ned@gatehouse.test', 'Ned Newcomer');
    const group = await graphqlInPage<{ createGroup: { id: string } }>(
      admin,
      'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input: { name: 'Garden club', description: 'We dig.', internal: false } },
    );
    groupId = group.createGroup.id;
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', {
      g: groupId,
      u: [leaderId],
    });
    leader = await pageFor('lena@gatehouse.test');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('the leader’s bell and queue count rise without a reload when a member asks to join', async () => {
    await leader.goto(`${server.url}/groups/${groupId}`);
    await waitForHeading(leader, 'Garden club');
    await expect.poll(() => bellLabel(leader)).toBe('Notifications');
    expect(await queueCount(leader).count()).toBe(0);
    // Nothing may come from a reload or a navigation: mark the document and check it survives.
    await leader.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = 'same document'));
    const navigations: string[] = [];
    leader.on('framenavigated', (frame) => {
      if (frame === leader.mainFrame()) navigations.push(frame.url());
    });

    await askToJoin('max@gatehouse.test');
    // Well inside the bell's 60 s poll: only the live subscription can have moved it.
    await expect.poll(() => bellLabel(leader), { timeout: 10_000 }).toBe('Notifications, 1 unread');
    await expect.poll(() => queueCount(leader).textContent(), { timeout: 10_000 }).toMatch(/^1/);
    // The toast says what happened, once.
    const toast = leader.getByRole('alert').filter({ hasText: 'Max Member asks to join Garden club' });
    await expect.poll(() => toast.count(), { timeout: 5_000 }).toBe(1);

    expect(await leader.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe('same document');
    expect(navigations).toEqual([]);
  }, 60_000);

  it('after the network drops and comes back, the bell and the queue count catch up without a reload', async () => {
    // Cut the network: the socket drops. A request made meanwhile must show once it is back.
    await leader.context().setOffline(true);
    await askToJoin('ned@gatehouse.test');
    await leader.context().setOffline(false);
    await expect.poll(() => bellLabel(leader), { timeout: 30_000 }).toBe('Notifications, 2 unread');
    await expect.poll(() => queueCount(leader).textContent(), { timeout: 30_000 }).toMatch(/^2/);
    expect(await leader.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe('same document');
  }, 60_000);

  it('raised no console errors or policy violations', () => {
    // A dropped WebSocket is logged by Chromium as a network error while offline: that is the
    // point of the test above, not a fault.
    expect(errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  });
});
