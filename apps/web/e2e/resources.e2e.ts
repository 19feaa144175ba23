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
const OWNER = { email: 'olivia@gatehouse.test', displayName: 'Olivia Owner' };
const MEMBER = { email: 'mia@gatehouse.test', displayName: 'Mia Member' };

/** Picks one option in a search picker (user or group) by typing and clicking it. */
async function pick(page: Page, label: string, text: string, option: RegExp) {
  const picker = page.getByRole('combobox', { name: label });
  await picker.click();
  await picker.fill(text);
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

describe('resources: register, share with a group, explain, lose access on leaving', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let owner: Page;
  let member: Page;
  let resourceUrl = '';
  let memberId = '';
  let groupId = '';

  const newSignedInPage = async (email?: string, password?: string) => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const pageErrors = collectErrors(page);
    await signIn(page, server.url, email, password);
    return { page, pageErrors };
  };
  const allErrors: string[][] = [];

  const screenshot = async (page: Page, name: string) => {
    if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    const signedInAdmin = await newSignedInPage();
    admin = signedInAdmin.page;
    allErrors.push(signedInAdmin.pageErrors);
    const created = await graphqlInPage<{ owner: { id: string }; member: { id: string } }>(
      admin,
      `mutation($password: String!) {
        owner: createUser(input: { email: "${OWNER.email}", displayName: "${OWNER.displayName}", password: $password }) { id }
        member: createUser(input: { email: "${MEMBER.email}", displayName: "${MEMBER.displayName}", password: $password }) { id }
      }`,
      { password: PASSWORD },
    );
    memberId = created.member.id;
    const groups = await graphqlInPage<{ readers: { id: string } }>(
      admin,
      `mutation($ownerId: ID!) {
        readers: createGroup(input: { name: "Readers", internal: false, shareable: ANYONE }) { id }
        finance: createGroup(input: { name: "Finance", internal: false }) { id }
        setUserPermissions(userId: $ownerId, permissions: ["resources.create"]) { id }
      }`,
      { ownerId: created.owner.id },
    );
    groupId = groups.readers.id;
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', {
      g: groupId,
      u: [memberId],
    });
    const signedInOwner = await newSignedInPage(OWNER.email, PASSWORD);
    owner = signedInOwner.page;
    allErrors.push(signedInOwner.pageErrors);
    const signedInMember = await newSignedInPage(MEMBER.email, PASSWORD);
    member = signedInMember.page;
    allErrors.push(signedInMember.pageErrors);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('the owner registers a resource from the Resources page', async () => {
    await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Resources' }).click();
    await waitForHeading(owner, 'Resources');
    await owner.getByText('No resources yet').waitFor();
    await owner.getByRole('button', { name: 'Register resource' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Register resource' });
    await dialog.getByRole('textbox', { name: 'Kind' }).fill('document');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Handbook');
    await dialog.getByRole('textbox', { name: 'External id (optional)' }).fill('doc-1');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await owner.waitForURL(/\/resources\/[^/]+$/);
    await waitForHeading(owner, 'Handbook');
    resourceUrl = owner.url();
    expect(await owner.getByRole('main').textContent()).toContain('doc-1');
    await owner.getByText('Not shared with anyone').waitFor();
  });

  it('the share picker offers only groups that accept a share, and says why the others are not offered', async () => {
    const picker = owner.getByRole('combobox', { name: 'Share with groups' });
    await picker.click();
    await picker.fill('Fin');
    // Finance takes shares only from its members: it is explained, not offered.
    const why = owner.getByRole('list', { name: 'Groups you cannot share with' });
    await why.getByText('Finance accepts shares only from its own members, and you are not one.').waitFor();
    await owner.getByText('No group you may share with matches').waitFor();
    expect(await owner.getByRole('option', { name: /Finance/ }).count()).toBe(0);
    await picker.fill('');
    await owner.keyboard.press('Escape');
  });

  it('a share refused on the way names every refused group in plain words', async () => {
    // Two groups that take shares from their members; the owner is one, then is not, before sharing.
    const made = await graphqlInPage<{ ops: { id: string }; lab: { id: string } }>(
      admin,
      'mutation { ops: createGroup(input: { name: "Ops crew", internal: false }) { id } lab: createGroup(input: { name: "Lab crew", internal: false }) { id } }',
    );
    const found = await graphqlInPage<{ users: { edges: { node: { id: string } }[] } }>(admin, 'query { users(search: "Olivia") { edges { node { id } } } }');
    const ownerId = found.users.edges[0]!.node.id;
    for (const g of [made.ops.id, made.lab.id]) {
      await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', { g, u: [ownerId] });
    }
    await pick(owner, 'Share with groups', 'Ops', /^Ops crew$/);
    await pick(owner, 'Share with groups', 'Lab', /^Lab crew$/);
    for (const g of [made.ops.id, made.lab.id]) {
      await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g, u: [ownerId] });
    }
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    const alert = owner.getByRole('alert').filter({ hasText: 'Not shared' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Ops crew accepts shares only from its own members, and you are not one');
    expect(text).toContain('Lab crew accepts shares only from its own members, and you are not one');
    expect(text).not.toMatch(/NOBODY|MEMBERS|shareable/);
    // Both stay picked, to share once the owner is a member again; take them back out.
    const picker = owner.getByRole('combobox', { name: 'Share with groups' });
    await picker.click();
    await owner.keyboard.press('Backspace');
    await owner.keyboard.press('Backspace');
    await owner.keyboard.press('Escape');
  });

  it('the owner shares it with a group at READ in the access editor', async () => {
    await pick(owner, 'Share with groups', 'Read', /^Readers$/);
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    await owner.getByText('Shared with Readers.').waitFor();
    const row = owner.getByRole('region', { name: 'Access list' }).getByRole('row', { name: /Readers/ });
    await row.waitFor();
    expect(await owner.getByRole('combobox', { name: 'Level for Readers' }).inputValue()).toBe('Read');
    // The group's members are now listed among those who reach it.
    await owner.getByRole('region', { name: 'People who can reach it' }).getByRole('row', { name: /Mia Member/ }).waitFor();
  });

  it('the member sees it under My access, with the reason', async () => {
    await member.goto(`${server.url}/access`);
    await waitForHeading(member, 'My access');
    await member.getByRole('heading', { name: 'document' }).waitFor();
    await member.getByRole('button', { name: /Handbook/ }).click();
    await member.getByText('Through group Readers (Read)').waitFor();
    expect(await seriousViolations(member)).toEqual([]);
    await screenshot(member, 'my-access.png');
  });

  it('an admin explains access for a chosen user: every path', async () => {
    await admin.goto(resourceUrl);
    await waitForHeading(admin, 'Handbook');
    await pick(admin, 'User to explain', 'Mia', /Mia Member/);
    await admin.getByRole('button', { name: 'Explain' }).click();
    const answer = admin.getByRole('region', { name: /^Access of Mia Member/ });
    await answer.getByText('Through group Readers (Read)').waitFor();
    expect(await answer.textContent()).toContain('They can read it.');
    await pick(admin, 'User to explain', 'Olivia', /Olivia Owner/);
    await admin.getByRole('button', { name: 'Explain' }).click();
    await admin.getByRole('region', { name: /^Access of Olivia Owner/ }).getByText('Owner (Write)').waitFor();
  });

  it('/resources and /resources/:id have no serious accessibility violations', async () => {
    await admin.getByRole('region', { name: 'People who can reach it' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'resource.png');
    await admin.goto(`${server.url}/resources`);
    await waitForHeading(admin, 'Resources');
    await admin.getByRole('link', { name: 'Handbook' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'resources.png');
  });

  it('after the member leaves the group, the resource is gone from My access on reload', async () => {
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', {
      g: groupId,
      u: [memberId],
    });
    await member.reload();
    await waitForHeading(member, 'My access');
    await member.getByText('You reach no resources yet').waitFor();
    expect(await member.getByRole('main').textContent()).not.toContain('Handbook');
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(allErrors.flat()).toEqual([]);
  });
});
