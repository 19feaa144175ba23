import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { pageKit, PASSWORD, settle } from './pages';
import type { RunningServer } from './server';
import { graphqlInPage, startServerWithAdmin } from './session';

const PHONE = { width: 375, height: 740 };
// Set E2E_SCREENSHOT_DIR to keep the phone-width pictures of each page.
const screenshotDir = process.env.E2E_SCREENSHOT_DIR;

/**
 * Issue 21 item 8 at 375 px: on the approval queue, a group's member list and the directory, EVERY
 * action — each visible button and link in the page's main region, not only the ones a test
 * names — lies inside the viewport, and the page never scrolls sideways.
 */
describe('at phone width every action is on screen (issue 21)', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  const ids: Record<string, string> = {};

  const kit = pageKit(() => ({ browser, url: server.url }), { locale: 'en-US', timezoneId: 'UTC', viewport: PHONE, colorScheme: 'light' });
  const { errors } = kit;
  const pageFor = (email: string | undefined, viewport = PHONE) => kit.pageFor(email, { viewport });
  const gql = <T,>(query: string, variables: Record<string, unknown> = {}) => graphqlInPage<T>(admin, query, variables);

  /** Every visible action in `scope`: its right edge within the phone's width, its left edge not before 0. */
  const expectAllOnScreen = async (page: Page, scope: Locator, name: string) => {
    const actions = scope.getByRole('button').or(scope.getByRole('link'));
    const count = await actions.count();
    let visible = 0;
    for (let i = 0; i < count; i++) {
      const action = actions.nth(i);
      if (!(await action.isVisible())) continue;
      visible++;
      const label = (await action.getAttribute('aria-label')) ?? (await action.textContent()) ?? `#${i}`;
      const box = await action.boundingBox();
      expect(box, label).not.toBeNull();
      expect(box!.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${label}: right edge`).toBeLessThanOrEqual(PHONE.width);
    }
    expect(visible, `visible actions on ${name}`).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `phone-all-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    admin = await pageFor(undefined, { width: 1366, height: 900 });
    // Long names: the widths that push actions off a narrow screen.
    for (const [key, email, displayName] of [
      ['leo', 'leo@gatehouse.test', 'Leonora Leadbetter-Longname'],
      ['mia', 'mia@gatehouse.test', 'Mia Member'],
      ['nat', 'nat@gatehouse.test', 'Nathaniel Newcomer-Withaverylongname'],
      ['oli', 'oli@gatehouse.test', 'Oli Other'],
      ['pia', 'pia@gatehouse.test', 'Pia Picked'],
    ] as const) {
      ids[key] = (await gql<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email, displayName, password: PASSWORD } })).createUser.id;
    }
    const group = async (key: string, input: Record<string, unknown>) => {
      ids[key] = (await gql<{ createGroup: { id: string } }>('mutation($i: CreateGroupInput!) { createGroup(input: $i) { id } }', { i: { internal: false, ...input } })).createGroup.id;
    };
    await group('book', { name: 'Book club of the extraordinarily long name', description: 'We read.' });
    await group('garden', { name: 'Garden', description: 'We grow things.', open: true });
    await group('tiny', { name: 'Tiny', description: 'Room for one.', open: true, maxMembers: 1 });
    await gql('mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: ids['book'], u: [ids['leo']] });
    await gql('mutation($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { user { id } } }', {
      g: ids['book'],
      u: [ids['leo'], ids['mia'], ids['oli']],
      e: '2027-02-10T23:59:59.999Z',
    });
    await gql('mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', { g: ids['tiny'], u: [ids['leo']] });
    // Pending requests for the queue: a join with a long reason and a name, and another.
    for (const [who, reason] of [
      ['nat', 'I would very much like to join, because reading together is the best part of my week and I have lots to say.'],
      ['pia', 'Books!'],
    ] as const) {
      const page = await pageFor(`${who}@gatehouse.test`, { width: 1366, height: 900 });
      await graphqlInPage(page, 'mutation($g: ID!, $r: String) { joinGroup(groupId: $g, reason: $r) { outcome } }', { g: ids['book'], r: reason });
      await page.close();
    }
  });

  afterAll(async () => {
    await kit.closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('the approval queue', async () => {
    const leo = await pageFor('leo@gatehouse.test');
    await leo.goto(`${server.url}/queue`);
    await settle(leo, 'Approval queue');
    await leo.getByRole('button', { name: /^Approve Nathaniel/ }).waitFor();
    await expectAllOnScreen(leo, leo.getByRole('main'), 'queue');
    await leo.close();
  });

  it('a group’s member list, as its leader', async () => {
    const leo = await pageFor('leo@gatehouse.test');
    await leo.goto(`${server.url}/groups/${ids['book']}`);
    await settle(leo, 'Book club of the extraordinarily long name');
    await leo.getByRole('button', { name: 'Remove Oli Other' }).waitFor();
    await expectAllOnScreen(leo, leo.getByRole('main'), 'members');
    await leo.close();
  });

  it('the group directory', async () => {
    const oli = await pageFor('oli@gatehouse.test');
    await oli.goto(`${server.url}/groups`);
    await settle(oli, 'Groups');
    await oli.getByRole('button', { name: 'Join Garden' }).waitFor();
    await expectAllOnScreen(oli, oli.getByRole('main'), 'directory');
    await expectAllOnScreen(oli, oli.getByRole('banner'), 'header');
    await oli.close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
