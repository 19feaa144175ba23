import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForHeading } from './browser';
import type { RunningServer } from './server';
import { graphqlInPage, signIn, startServerWithAdmin } from './session';

/** A flag's switch; its accessible name is the flag followed by its explanation. */
const flagSwitch = (page: Page, name: string) => page.getByRole('switch', { name: new RegExp(`^${name}\\b`) });

/** Mantine's switch input is visually hidden under its track, so the click is forced. */
async function setSwitch(page: Page, name: string, on: boolean) {
  const toggle = flagSwitch(page, name);
  if ((await toggle.isChecked()) !== on) await toggle.click({ force: true });
  expect(await toggle.isChecked()).toBe(on);
}

async function switchState(page: Page, name: string) {
  return flagSwitch(page, name).isChecked();
}

describe('editing a group', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let groupUrl = '';

  const reload = async (heading: string) => {
    await page.reload();
    await waitForHeading(page, heading);
    await page.getByRole('region', { name: 'Member list' }).or(page.getByText('No members')).first().waitFor();
  };

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, server.url);
    await graphqlInPage(
      page,
      'mutation { createUser(input: { email: "bob@gatehouse.test", displayName: "Bob Member" }) { id } }',
    );
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('creates a group and opens its page', async () => {
    await page.goto(`${server.url}/admin/groups`);
    await waitForHeading(page, 'All groups');
    await page.getByRole('button', { name: 'New group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New group' });
    await dialog.getByLabel('Name').fill('Ops');
    await dialog.getByLabel('Description').fill('Runs the servers.');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/admin\/groups\/[^/]+$/);
    await waitForHeading(page, 'Ops');
    groupUrl = page.url();
    // New groups are internal until someone says otherwise.
    expect(await switchState(page, 'Internal')).toBe(true);
  });

  it('toggles flags, explained, and keeps them after a reload', async () => {
    await page.getByText('Membership is changed only by admins and the system').waitFor();
    await setSwitch(page, 'Internal', false);
    await setSwitch(page, 'Open', true);
    await setSwitch(page, 'Hidden', true);
    await page.getByRole('radio', { name: 'Anyone' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Member limit' }).fill('10');
    await page.getByRole('textbox', { name: 'Metadata' }).fill('{"team": "ops"}');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Group settings saved.').waitFor();
    await reload('Ops');
    expect(await switchState(page, 'Internal')).toBe(false);
    expect(await switchState(page, 'Open')).toBe(true);
    expect(await switchState(page, 'Hidden')).toBe(true);
    expect(await switchState(page, 'Public')).toBe(false);
    expect(await page.getByRole('radio', { name: 'Anyone' }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Member limit' }).inputValue()).toBe('10');
    expect(JSON.parse(await page.getByRole('textbox', { name: 'Metadata' }).inputValue())).toEqual({ team: 'ops' });
  });

  it('points out metadata that is not a JSON object before saving', async () => {
    await page.getByRole('textbox', { name: 'Metadata' }).fill('[1, 2]');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Metadata must be a JSON object').waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('sets a permission the group carries, kept after a reload', async () => {
    const select = page.getByRole('combobox', { name: 'Permissions carried by membership' });
    await select.click();
    await page.getByRole('option', { name: /^resources\.create/ }).click();
    await page.keyboard.press('Escape');
    // The server previews the change before it is saved (SPEC §8).
    await page.getByText('Saving this ends no memberships.').waitFor();
    await page.getByRole('button', { name: 'Save permissions' }).click();
    await page.getByText('Group permissions saved.').waitFor();
    await reload('Ops');
    const form = page.getByRole('form', { name: 'Group permissions' });
    expect(await form.textContent()).toContain('resources.create');
  });

  it('adds a member through the user search, kept after a reload', async () => {
    const picker = page.getByRole('combobox', { name: 'Add members' });
    await picker.click();
    await picker.fill('Bob');
    await page.getByRole('option', { name: /Bob Member/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Added 1 member.').waitFor();
    const list = page.getByRole('region', { name: 'Member list' });
    await list.getByRole('row', { name: /Bob Member/ }).waitFor();
    await reload('Ops');
    expect(await list.getByRole('row', { name: /Bob Member/ }).textContent()).toContain('Added directly');
    expect(await page.getByRole('main').textContent()).toContain('1 member of at most 10');
  });

  it('the member now holds the group’s permission, via the group', async () => {
    await page.getByRole('region', { name: 'Member list' }).getByRole('link', { name: 'Bob Member' }).click();
    await waitForHeading(page, 'Bob Member');
    const row = page.getByRole('region', { name: 'Effective permissions' }).getByRole('row', { name: /resources\.create/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('via Ops');
    await page.goto(groupUrl);
    await waitForHeading(page, 'Ops');
  });

  it('changes the name, kept after a reload', async () => {
    await page.getByRole('textbox', { name: 'Name' }).fill('Operations');
    await page.getByRole('textbox', { name: 'Name' }).press('Enter');
    await page.getByText('Group settings saved.').first().waitFor();
    await waitForHeading(page, 'Operations');
    await reload('Operations');
    expect(await page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Operations');
  });

  it('removes the member with a reason', async () => {
    const list = page.getByRole('region', { name: 'Member list' });
    await list.getByRole('button', { name: 'Remove Bob Member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Bob Member?' });
    await dialog.getByLabel('Reason (optional)').fill('Moved teams.');
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText('This group has no current members.').waitFor();
  });

  it('previews the memberships that taking groups.request from Member would end', async () => {
    await page.goto(`${server.url}/admin/groups`);
    await page.getByRole('link', { name: 'Member', exact: true }).click();
    await waitForHeading(page, 'Member');
    const select = page.getByRole('combobox', { name: 'Permissions carried by membership' });
    await select.click();
    await select.press('Backspace');
    await page.keyboard.press('Escape');
    const alert = page.getByRole('alert').filter({ hasText: 'Saving this ends memberships' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Bob Member');
    // Not saved: leaving the page discards the change.
  });

  it('keeps built-in groups’ names and offers no delete', async () => {
    await page.goto(`${server.url}/admin/groups`);
    await page.getByRole('link', { name: 'Member', exact: true }).click();
    await waitForHeading(page, 'Member');
    expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete this group' }).isDisabled()).toBe(true);
    await page.getByText('Built-in groups cannot be deleted.').waitFor();
  });

  it('deletes a group only after its name is typed', async () => {
    await page.goto(groupUrl);
    await waitForHeading(page, 'Operations');
    await page.getByRole('button', { name: 'Delete this group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Operations?' });
    const confirm = dialog.getByRole('button', { name: 'Delete group' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type “Operations” to confirm').fill('Operations');
    await confirm.click();
    await page.waitForURL(`${server.url}/admin/groups`);
    await waitForHeading(page, 'All groups');
    await page.getByRole('link', { name: 'Member', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Operations' }).count()).toBe(0);
  });

  it('logged no console errors and threw no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
