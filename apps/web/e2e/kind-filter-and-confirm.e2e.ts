import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchBrowser } from './browser';
import { pageKit, PASSWORD, settle } from './pages';
import type { RunningServer } from './server';
import { graphqlInPage, startServerWithAdmin } from './session';

// Issue 21, the last of items 7 and 10: the Resources page offers the kinds that exist (for this
// person) instead of asking for an exact slug, and the admin user page's direct permissions ask
// for confirmation, naming the count, before a save that ends memberships.
describe('the kind filter offers the kinds; direct permissions confirm before ending memberships (issue 21)', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  const ids: Record<string, string> = {};

  const kit = pageKit(() => ({ browser, url: server.url }), { locale: 'en-US', viewport: { width: 1366, height: 900 } });
  const { pageFor, errors } = kit;
  const gql = <T,>(query: string, variables: Record<string, unknown> = {}) => graphqlInPage<T>(admin, query, variables);

  beforeAll(async () => {
    server = await startServerWithAdmin();
    browser = await launchBrowser();
    admin = await pageFor();
    for (const [key, email, displayName] of [
      ['rae', 'rae@gatehouse.test', 'Rae Reader'],
      ['cid', 'cid@gatehouse.test', 'Cid Cascade'],
    ] as const) {
      ids[key] = (await gql<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email, displayName, password: PASSWORD } })).createUser.id;
    }
    const made = await gql<Record<string, { id: string }>>(`mutation {
      m1: createResource(input: { kind: "model", name: "Model one" }) { id }
      m2: createResource(input: { kind: "model", name: "Model two" }) { id }
      d1: createResource(input: { kind: "dataset", name: "Dataset one" }) { id }
      s1: createResource(input: { kind: "secret-tool", name: "Hidden tool" }) { id }
    }`);
    for (const key of ['m1', 'm2', 'd1']) {
      await gql('mutation($r: ID!, $u: ID!) { grantAccess(resourceId: $r, userId: $u, level: READ) { id } }', { r: made[key]!.id, u: ids['rae'] });
    }
  });

  afterAll(async () => {
    await kit.closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('Resources: the kind filter lists the kinds the person reaches, filters by one, and keeps it in the URL', async () => {
    const rae = await pageFor('rae@gatehouse.test');
    await rae.goto(`${server.url}/resources`);
    await settle(rae, 'Resources');
    const list = rae.getByRole('region', { name: 'Resource list' });
    await list.getByRole('link', { name: 'Dataset one' }).waitFor();
    const kind = rae.getByRole('combobox', { name: 'Kind' });
    await kind.click();
    const options = rae.getByRole('option');
    await options.first().waitFor();
    // Only what Rae reaches: never the kind of a resource she cannot see.
    expect(await options.allTextContents()).toEqual(['dataset', 'model']);
    await rae.getByRole('option', { name: 'model' }).click();
    await rae.waitForURL((url) => url.searchParams.get('kind') === 'model');
    await expect.poll(() => list.getByRole('link', { name: 'Dataset one' }).count()).toBe(0);
    await list.getByRole('link', { name: 'Model one' }).waitFor();
    await list.getByRole('link', { name: 'Model two' }).waitFor();

    // A shared link (or Back) brings the same filter.
    await rae.reload();
    await settle(rae, 'Resources');
    expect(await rae.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('model');
    await rae.getByRole('region', { name: 'Resource list' }).getByRole('link', { name: 'Model one' }).waitFor();
    expect(await rae.getByRole('region', { name: 'Resource list' }).getByRole('link', { name: 'Dataset one' }).count()).toBe(0);
    expect(await seriousViolations(rae)).toEqual([]);
    await rae.close();
  });

  it('Direct permissions: a save that ends memberships asks first, naming the count; Cancel saves nothing', async () => {
    // Cid holds groups.request only directly (not through the Member group) and is in two
    // non-public groups: taking it away ends both (the default permission-loss policy).
    await gql('mutation($u: ID!) { setUserPermissions(userId: $u, permissions: ["groups.request"]) { id } }', { u: ids['cid'] });
    const member = await gql<{ groups: { edges: { node: { id: string; name: string } }[] } }>('{ groups(first: 50, filter: { search: "Member" }) { edges { node { id name } } } }');
    const memberGroup = member.groups.edges.find((edge) => edge.node.name === 'Member')!.node.id;
    await gql('mutation($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: memberGroup, u: [ids['cid']] });
    for (const name of ['Garden', 'Chess']) {
      const group = (await gql<{ createGroup: { id: string } }>('mutation($i: CreateGroupInput!) { createGroup(input: $i) { id } }', { i: { name, internal: false } })).createGroup.id;
      await gql('mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', { g: group, u: [ids['cid']] });
    }
    const memberships = async () =>
      (await gql<{ user: { memberships: unknown[] } }>('query($u: ID!) { user(id: $u) { memberships { source } } }', { u: ids['cid'] })).user.memberships.length;
    const permissions = async () => (await gql<{ user: { permissions: string[] } }>('query($u: ID!) { user(id: $u) { permissions } }', { u: ids['cid'] })).user.permissions;
    expect(await memberships()).toBe(2);

    await admin.goto(`${server.url}/admin/users/${ids['cid']}`);
    await settle(admin, 'Cid Cascade');
    const select = admin.getByRole('combobox', { name: 'Direct permissions' });
    await select.click();
    await admin.keyboard.press('Backspace');
    await admin.keyboard.press('Escape');
    await admin.getByText('Saving this ends memberships').waitFor();
    await admin.getByRole('button', { name: 'Save direct permissions' }).click();
    const dialog = admin.getByRole('dialog', { name: 'End 2 memberships?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Save and end 2 memberships' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await permissions()).toEqual(['groups.request']);
    expect(await memberships()).toBe(2);

    // Asked again, and this time confirmed: saved, and the memberships ended.
    await admin.getByRole('button', { name: 'Save direct permissions' }).click();
    await admin.getByRole('dialog', { name: 'End 2 memberships?' }).getByRole('button', { name: 'Save and end 2 memberships' }).click();
    await admin.getByText('Direct permissions saved.').waitFor();
    expect(await permissions()).toEqual([]);
    expect(await memberships()).toBe(0);
  });

  it('a save that ends nothing saves at once, without asking', async () => {
    await admin.goto(`${server.url}/admin/users/${ids['rae']}`);
    await settle(admin, 'Rae Reader');
    const select = admin.getByRole('combobox', { name: 'Direct permissions' });
    await select.click();
    await admin.getByRole('option', { name: /access\.check/ }).click();
    await admin.keyboard.press('Escape');
    await admin.getByText('Saving this ends no memberships.').waitFor();
    await admin.getByRole('button', { name: 'Save direct permissions' }).click();
    await admin.getByText('Direct permissions saved.').waitFor();
    expect(await admin.getByRole('dialog').count()).toBe(0);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
