import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { graphqlInPage, signIn, startServerWithAdmin } from './session';

const PASSWORD = 'a long enough password';
// Set E2E_SCREENSHOT_DIR to keep the phone-width pictures of the queue, members and directory.
const screenshotDir = process.env.E2E_SCREENSHOT_DIR;
const PHONE = { width: 375, height: 740 };

// Issue 21, the SPA as people use it: a member, a leader and an admin walk the screens that hurt —
// expiry dates, what a member sees of their group, admin pages opened by URL, the first Save after
// a validation error, the directory's Join / Request / Full, a confirmation before ending
// memberships, and every action on screen at phone width. Set-up goes through GraphQL as the admin.
describe('the SPA as people use it (issue 21)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let admin: Page;
  const ids: Record<string, string> = {};

  /** A signed-in page with its own cookies, time zone and viewport, collecting console errors. */
  const pageFor = async (
    email?: string,
    options: { timezoneId?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> => {
    const context = await browser.newContext({
      colorScheme: 'light',
      locale: 'en-US',
      timezoneId: options.timezoneId ?? 'UTC',
      viewport: options.viewport ?? { width: 1366, height: 900 },
    });
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

  const gql = <T,>(query: string, variables: Record<string, unknown> = {}) => graphqlInPage<T>(admin, query, variables);

  const createUser = async (key: string, email: string, displayName: string) => {
    const data = await gql<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName, password: PASSWORD },
    });
    ids[key] = data.createUser.id;
  };

  const createGroup = async (key: string, input: Record<string, unknown>) => {
    const data = await gql<{ createGroup: { id: string } }>('mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', { input });
    ids[key] = data.createGroup.id;
  };

  const addMembers = (group: string, users: string[]) =>
    gql('mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', {
      g: ids[group],
      u: users.map((user) => ids[user]),
    });

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    admin = await pageFor();
    ids['admin'] = (await gql<{ me: { id: string } }>('{ me { id } }')).me.id;
    await createUser('mia', 'mia@gatehouse.test', 'Mia Member');
    await createUser('leo', 'leo@gatehouse.test', 'Leo Leader');
    await createUser('nat', 'nat@gatehouse.test', 'Nat Newcomer');
    await createUser('oli', 'oli@gatehouse.test', 'Oli Other');
    await createUser('pia', 'pia@gatehouse.test', 'Pia Picked');
    await createGroup('garden', { name: 'Garden', description: 'We grow things.', internal: false, open: true });
    await createGroup('tiny', { name: 'Tiny', description: 'Room for one.', internal: false, open: true, maxMembers: 1 });
    await createGroup('chess', { name: 'Chess', description: 'We play.', internal: false, open: true });
    await createGroup('book', { name: 'Book club', description: 'We read.', internal: false });
    await gql('mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: ids['book'], u: [ids['leo']] });
    await gql('mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: ids['garden'], u: [ids['leo']] });
    await addMembers('garden', ['mia', 'leo']);
    await addMembers('tiny', ['leo']);
    await addMembers('book', ['mia', 'oli']);
    const resources = await gql<{ seeds: { id: string }; tools: { id: string } }>(`mutation {
      seeds: createResource(input: { kind: "document", name: "Seed catalogue" }) { id }
      tools: createResource(input: { kind: "tool", name: "Tool shed" }) { id }
    }`);
    await gql('mutation($r: ID!, $g: ID!) { grantAccess(resourceId: $r, groupId: $g, level: WRITE) { id } }', { r: resources.seeds.id, g: ids['garden'] });
    await gql('mutation($r: ID!, $g: ID!) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: resources.tools.id, g: ids['garden'] });
    // Mia reaches the tool shed a second way too: leaving Garden does not take it.
    await gql('mutation($r: ID!, $u: ID!) { grantAccess(resourceId: $r, userId: $u, level: READ) { id } }', { r: resources.tools.id, u: ids['mia'] });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  describe('1. a picked expiry day is that day everywhere (SPEC §20)', () => {
    const addWithExpiry = async (page: Page, name: RegExp, search: string, day: string) => {
      await page.goto(`${server.url}/groups/${ids['garden']}`);
      await settle(page, 'Garden');
      const picker = page.getByRole('combobox', { name: 'Add members' });
      await picker.click();
      await picker.fill(search);
      await page.getByRole('option', { name }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Until (optional)').fill(day);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Added 1 member.').waitFor();
    };

    it('in New York, 10 Feb 2027 is shown as Feb 10, 2027 in the member list and stored as the end of that day', async () => {
      const page = await pageFor(undefined, { timezoneId: 'America/New_York' });
      await addWithExpiry(page, /Nat Newcomer/, 'Nat', '2027-02-10');
      const row = page.getByRole('region', { name: 'Member list' }).getByRole('row', { name: /Nat Newcomer/ });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('Feb 10, 2027');
      expect(text).not.toContain('Feb 11, 2027');
      // 23:59:59.999 in New York (UTC−5 in February).
      const stored = await gql<{ group: { members: { edges: { node: { expiresAt: string; user: { id: string } } }[] } } }>(
        'query($g: ID!) { group(id: $g) { members(first: 50) { edges { node { expiresAt user { id } } } } } }',
        { g: ids['garden'] },
      );
      const nat = stored.group.members.edges.find((edge) => edge.node.user.id === ids['nat']);
      expect(new Date(nat?.node.expiresAt ?? '').toISOString()).toBe('2027-02-11T04:59:59.999Z');
      await page.close();
    });

    it('in Tokyo, 31 Mar 2027 reads back as Mar 31, 2027 on the page, after a reload and in the audit log', async () => {
      const page = await pageFor(undefined, { timezoneId: 'Asia/Tokyo' });
      await addWithExpiry(page, /Pia Picked/, 'Pia', '2027-03-31');
      const row = page.getByRole('region', { name: 'Member list' }).getByRole('row', { name: /Pia Picked/ });
      expect(await row.textContent()).toContain('Mar 31, 2027');
      await page.reload();
      await settle(page, 'Garden');
      expect(await page.getByRole('region', { name: 'Member list' }).getByRole('row', { name: /Pia Picked/ }).textContent()).toContain(
        'Mar 31, 2027',
      );
      await page.goto(`${server.url}/admin/audit`);
      await settle(page, 'Audit log');
      const entry = page.getByText(/added Pia Picked to Garden/);
      await entry.first().waitFor();
      const sentence = await entry.first().textContent();
      expect(sentence).toContain('2027-03-31');
      expect(sentence).not.toContain('2027-04-01');
      await page.close();
    });
  });

  describe('2. members see who is in their group and what it gives them', () => {
    it('lists the members and the resources the group gives, and the leave dialog names what is lost', async () => {
      const mia = await pageFor('mia@gatehouse.test');
      await mia.goto(`${server.url}/groups/${ids['garden']}`);
      await settle(mia, 'Garden');
      const list = mia.getByRole('region', { name: 'Member list' });
      await list.getByRole('row', { name: /Leo Leader/ }).waitFor();
      await list.getByRole('row', { name: /Mia Member/ }).waitFor();
      // A member may look, not change: no Add form, no Remove buttons.
      expect(await mia.getByRole('combobox', { name: 'Add members' }).count()).toBe(0);
      expect(await list.getByRole('button', { name: /^Remove/ }).count()).toBe(0);

      const gives = mia.getByRole('list', { name: 'Resources this group gives you' });
      await gives.getByText('Seed catalogue').waitFor();
      expect(await gives.textContent()).toContain('Tool shed');

      await mia.getByRole('button', { name: 'Leave', exact: true }).click();
      const dialog = mia.getByRole('dialog', { name: 'Leave Garden?' });
      await dialog.getByText(/write access to Seed catalogue/).waitFor();
      const said = await dialog.getByTestId('leave-consequences').textContent();
      expect(said).toContain('You keep Tool shed');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await seriousViolations(mia)).toEqual([]);
      await mia.close();
    });
  });

  describe('3. admin pages opened by URL', () => {
    it('show one not-allowed page, with no controls, to a member', async () => {
      const mia = await pageFor('mia@gatehouse.test');
      for (const path of [
        '/admin/users',
        `/admin/users/${ids['admin']}`,
        '/admin/groups',
        `/admin/groups/${ids['garden']}`,
        '/admin/permissions',
        '/admin/settings',
        '/admin/sso',
        '/admin/audit',
      ]) {
        await mia.goto(`${server.url}${path}`);
        await settle(mia, 'Not allowed');
        const main = mia.getByRole('main');
        expect(await main.getByRole('button').count(), path).toBe(0);
        expect(await main.getByRole('textbox').count(), path).toBe(0);
        expect(await main.getByRole('combobox').count(), path).toBe(0);
        expect(await main.textContent(), path).not.toMatch(/New user|Deactivate|Make administrator|Set new password/);
      }
      expect(await seriousViolations(mia)).toEqual([]);
      await mia.close();
    });

    it('still open for the admin', async () => {
      await admin.goto(`${server.url}/admin/users/${ids['mia']}`);
      await settle(admin, 'Mia Member');
      await admin.goto(`${server.url}/admin/users`);
      await settle(admin, 'Users');
      await admin.getByRole('button', { name: 'New user' }).waitFor();
    });
  });

  describe('5. the first Save after a validation error', () => {
    it('saves on the first click once the field is fixed', async () => {
      await admin.goto(`${server.url}/admin/groups/${ids['chess']}`);
      await settle(admin, 'Chess');
      const metadata = admin.getByRole('textbox', { name: 'Metadata' });
      await metadata.fill('{"team": ');
      await admin.keyboard.press('Tab');
      await metadata.and(admin.locator('[aria-invalid="true"]')).waitFor();
      await metadata.fill('{"team": "chess"}');
      // One click, as a person makes it: press and release where the button is.
      await admin.getByRole('button', { name: 'Save settings' }).click();
      await admin.getByText('Group settings saved.').waitFor({ timeout: 5_000 });
      const saved = await gql<{ group: { metadata: Record<string, unknown> } }>('query($g: ID!) { group(id: $g) { metadata } }', { g: ids['chess'] });
      expect(saved.group.metadata).toEqual({ team: 'chess' });
    });
  });

  describe('6. the directory offers Join, Request to join, or says Full', () => {
    it('shows each group’s way in, and a full group has no Join', async () => {
      const nat = await pageFor('nat@gatehouse.test');
      await nat.goto(`${server.url}/groups`);
      await settle(nat, 'Groups');
      const tiny = nat.getByTestId('directory-row-Tiny');
      await tiny.getByText('Full', { exact: true }).waitFor();
      expect(await tiny.getByRole('button', { name: /Join/ }).count()).toBe(0);
      const book = nat.getByTestId('directory-row-Book club');
      await book.getByText('Approval needed').waitFor();
      await book.getByRole('link', { name: 'Request to join Book club' }).click();
      // The group page opens with the reason dialog.
      await nat.getByRole('dialog', { name: 'Ask to join Book club' }).waitFor();
      await nat.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('I like books.');
      await nat.getByRole('button', { name: 'Send request' }).click();
      await nat.getByTestId('membership-outcome').waitFor();
      await nat.goto(`${server.url}/groups`);
      await settle(nat, 'Groups');
      await nat.getByTestId('directory-row-Book club').getByText('Pending: join').waitFor();
      const chess = nat.getByTestId('directory-row-Chess');
      await chess.getByRole('button', { name: 'Join Chess' }).click();
      await nat.getByText('You joined Chess.').waitFor();
      await chess.getByText('Member', { exact: true }).waitFor();
      await nat.mouse.move(0, 0);
      expect(await seriousViolations(nat)).toEqual([]);
      // The group's own page offers no Join either, and says why.
      await nat.goto(`${server.url}/groups/${ids['tiny']}`);
      await settle(nat, 'Tiny');
      await nat.getByTestId('group-full').waitFor();
      expect(await nat.getByRole('button', { name: 'Join', exact: true }).count()).toBe(0);
      await nat.close();
    });
  });

  describe('7. saving permissions that end memberships asks first', () => {
    it('names the count, and Cancel saves nothing', async () => {
      const member = await gql<{ groups: { edges: { node: { id: string; name: string } }[] } }>(
        '{ groups(first: 50, filter: { search: "Member" }) { edges { node { id name } } } }',
      );
      const memberGroup = member.groups.edges.find((edge) => edge.node.name === 'Member');
      await admin.goto(`${server.url}/admin/groups/${memberGroup?.node.id}`);
      await settle(admin, 'Member');
      const select = admin.getByRole('combobox', { name: 'Permissions carried by membership' });
      // The Member group carries only groups.request: Backspace removes the last pill.
      await select.click();
      await admin.keyboard.press('Backspace');
      await admin.keyboard.press('Escape');
      await admin.getByText('Saving this ends memberships').waitFor();
      await admin.getByRole('button', { name: 'Save permissions' }).click();
      const dialog = admin.getByRole('dialog', { name: /^End \d+ memberships?\?$/ });
      await dialog.waitFor();
      const title = (await dialog.getByRole('heading').first().textContent()) ?? '';
      const count = Number(/End (\d+)/.exec(title)?.[1]);
      expect(count).toBeGreaterThanOrEqual(3);
      await dialog.getByRole('button', { name: `Save and end ${count} memberships` }).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const after = await gql<{ group: { permissions: string[] } }>('query($g: ID!) { group(id: $g) { permissions } }', { g: memberGroup?.node.id });
      expect(after.group.permissions).toContain('groups.request');
      await admin.getByRole('button', { name: 'Discard changes' }).or(admin.getByRole('button', { name: 'Save permissions' })).first().waitFor();
    });
  });

  describe('8. at phone width every action is on screen', () => {
    /** Every visible button named `name` lies inside the viewport, and nothing scrolls sideways. */
    const expectOnScreen = async (page: Page, name: RegExp, region: string) => {
      const buttons = page.getByRole('main').getByRole('button', { name }).or(page.getByRole('main').getByRole('link', { name }));
      const count = await buttons.count();
      expect(count, `buttons named ${name}`).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const box = await buttons.nth(i).boundingBox();
        expect(box, `${name} #${i}`).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${name} #${i} right edge`).toBeLessThanOrEqual(PHONE.width);
      }
      const list = page.getByRole('region', { name: region });
      expect(await list.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
      if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `phone-${region.toLowerCase().replace(/\s+/g, '-')}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    };

    it('the queue keeps Approve and Reject visible', async () => {
      const leo = await pageFor('leo@gatehouse.test', { viewport: PHONE });
      await leo.goto(`${server.url}/queue`);
      await settle(leo, 'Approval queue');
      await leo.getByRole('button', { name: /^Approve Nat Newcomer/ }).waitFor();
      await expectOnScreen(leo, /^(Approve|Reject) /, 'Pending requests');
      expect(await seriousViolations(leo)).toEqual([]);
      await leo.close();
    });

    it('the member list keeps Remove visible', async () => {
      const leo = await pageFor('leo@gatehouse.test', { viewport: PHONE });
      await leo.goto(`${server.url}/groups/${ids['book']}`);
      await settle(leo, 'Book club');
      await leo.getByRole('button', { name: 'Remove Oli Other' }).waitFor();
      await expectOnScreen(leo, /^Remove /, 'Member list');
      await leo.close();
    });

    it('the directory keeps Join and Request to join visible', async () => {
      const oli = await pageFor('oli@gatehouse.test', { viewport: PHONE });
      await oli.goto(`${server.url}/groups`);
      await settle(oli, 'Groups');
      await oli.getByRole('button', { name: 'Join Garden' }).waitFor();
      await expectOnScreen(oli, /^(Join|Request to join) /, 'Group directory');
      expect(await seriousViolations(oli)).toEqual([]);
      await oli.close();
    });
  });

  describe('10. smaller things', () => {
    it('keeps the directory’s search and tab in the URL, so Back restores them', async () => {
      const mia = await pageFor('mia@gatehouse.test');
      await mia.goto(`${server.url}/groups`);
      await settle(mia, 'Groups');
      // The segmented control's radios are visually hidden under their labels: click the label.
      await mia.locator('label', { hasText: 'My groups' }).click();
      await mia.getByRole('searchbox', { name: 'Search groups' }).fill('gard');
      await mia.waitForURL((url) => url.searchParams.get('q') === 'gard' && url.searchParams.get('scope') === 'member');
      await mia.getByRole('link', { name: 'Garden', exact: true }).click();
      await settle(mia, 'Garden');
      await mia.goBack();
      await settle(mia, 'Groups');
      expect(await mia.getByRole('searchbox', { name: 'Search groups' }).inputValue()).toBe('gard');
      expect(await mia.getByRole('radio', { name: 'My groups' }).isChecked()).toBe(true);
      await mia.getByRole('link', { name: 'Garden', exact: true }).waitFor();
      expect(await mia.getByRole('link', { name: 'Chess', exact: true }).count()).toBe(0);
      await mia.close();
    });

    it('counts characters instead of cutting an over-long reason', async () => {
      const oli = await pageFor('oli@gatehouse.test');
      await oli.goto(`${server.url}/groups/${ids['book']}`);
      await settle(oli, 'Book club');
      await oli.getByRole('button', { name: 'Request to leave' }).click();
      const dialog = oli.getByRole('dialog', { name: 'Ask to leave Book club' });
      const reason = dialog.getByRole('textbox', { name: 'Reason' });
      await reason.fill('x'.repeat(1_005));
      expect((await reason.inputValue()).length).toBe(1_005);
      expect(await dialog.getByTestId('length-counter').textContent()).toBe('1005 / 1000 characters');
      await dialog.getByText('At most 1000 characters: 5 too many.').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await oli.close();
    });

    it('shows a sentence, not "Response not successful", when the server answers 500', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.route('**/graphql', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
      await page.goto(`${server.url}/groups`);
      await waitForHeading(page, 'Gatehouse is not answering');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('HTTP 500');
      expect(text).not.toContain('Response not successful');
      await page.getByRole('button', { name: 'Try again' }).waitFor();
    });
  });

  it('logged no console errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
