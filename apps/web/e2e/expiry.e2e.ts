import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { dayInBrowser, noSeriousViolations, pageKit, PASSWORD, settle } from './pages';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlInPage } from './session';

const DAY = 24 * 3600_000;

// Issue 19 (SPEC §20): a leader changes a member's expiry in place on the member list; a member
// warned of their coming expiry asks for an extension from the warning, and the leader approves it
// in the queue. The server sweeps every second, so the warning arrives while the test waits.
describe('renewing expiry: inline editing, and an extension asked from the warning', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let leader: Page;
  let member: Page;
  let labId = '';

  const kit = pageKit(() => ({ browser, url: server.url }));
  const { pageFor, errors } = kit;

  /** The day and wall-clock time an instant shows in the browser's zone: "2026-02-10 23:59:59.999". */
  const wallClockInBrowser = (page: Page, iso: string) =>
    page.evaluate((value) => {
      const d = new Date(value);
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
    }, iso);

  const expiryOf = async (userId: string): Promise<string | null> => {
    const data = await graphqlInPage<{ group: { members: { edges: { node: { expiresAt: string | null; user: { id: string } } }[] } } }>(
      admin,
      'query($g: ID!) { group(id: $g) { members(first: 50) { edges { node { expiresAt user { id } } } } } }',
      { g: labId },
    );
    return data.group.members.edges.find((edge) => edge.node.user.id === userId)?.node.expiresAt ?? null;
  };

  let miaId = '';
  let maxId = '';

  beforeAll(async () => {
    server = await startServer({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SWEEP_INTERVAL_SECONDS: '1' } });
    browser = await launchBrowser();
    admin = await pageFor();
    const createUser = async (email: string, displayName: string) =>
      (
        await graphqlInPage<{ createUser: { id: string } }>(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          input: { email, displayName, password: PASSWORD },
        })
      ).createUser.id;
    const leaderId = await createUser('leo@gatehouse.test', 'Leo Leader');
    miaId = await createUser('mia@gatehouse.test', 'Mia Member');
    maxId = await createUser('max@gatehouse.test', 'Max Other');
    labId = (
      await graphqlInPage<{ createGroup: { id: string } }>(admin, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
        input: { name: 'Lab', description: 'Experiments.', internal: false },
      })
    ).createGroup.id;
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: labId, u: [leaderId] });
    // Mia's membership ends in two days (inside the warning window), Max's in twenty.
    const add = 'mutation($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { expiresAt } }';
    await graphqlInPage(admin, add, { g: labId, u: [miaId], e: new Date(Date.now() + 2 * DAY).toISOString() });
    await graphqlInPage(admin, add, { g: labId, u: [maxId], e: new Date(Date.now() + 20 * DAY).toISOString() });
    leader = await pageFor('leo@gatehouse.test');
    member = await pageFor('mia@gatehouse.test');
  });

  afterAll(async () => {
    await kit.closeAll();
    await browser?.close();
    await server?.stop();
    expect(errors).toEqual([]);
  });

  it('a leader extends a member’s expiry inline on the member list: the picked day’s end in the leader’s zone', async () => {
    await leader.goto(`${server.url}/groups/${labId}`);
    await settle(leader, 'Lab');
    const row = leader.getByRole('region', { name: 'Member list' }).getByRole('row', { name: /Max Other/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Change the expiry of Max Other' }).click();
    const day = await dayInBrowser(leader, 60);
    await row.getByLabel('New expiry of Max Other').fill(day);
    await noSeriousViolations(leader, 'member-expiry-editor.png');
    await row.getByRole('button', { name: 'Save' }).click();
    await leader.getByText(/^Max Other's membership now ends on/).waitFor();
    const stored = await expiryOf(maxId);
    expect(stored).not.toBeNull();
    expect(await wallClockInBrowser(leader, stored!)).toBe(`${day} 23:59:59.999`);
    // The row shows that same day again, and the editor is closed.
    const shown = await leader.evaluate((iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso)), stored!);
    await row.getByText(shown).waitFor();
    await row.getByRole('button', { name: 'Change the expiry of Max Other' }).waitFor();
  });

  it('a member asks for an extension from the expiry warning, and the leader approves it in the queue', async () => {
    // The sweeper (every second) warns Mia; then the page is opened afresh so the bell has it.
    const warned = async () =>
      (await graphqlInPage<{ notifications: { edges: { node: { title: string } }[] } }>(member, '{ notifications(first: 15) { edges { node { title } } } }')).notifications.edges.some(
        (edge) => edge.node.title === 'Your membership of Lab expires soon',
      );
    for (let attempt = 0; attempt < 40 && !(await warned()); attempt++) await member.waitForTimeout(250);
    await member.goto(`${server.url}/groups`);
    await settle(member, 'Groups');
    await member.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const popover = member.getByRole('dialog', { name: 'Notifications' });
    const warning = popover.getByRole('listitem').filter({ hasText: 'Your membership of Lab expires soon' });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Request extension' }).click();

    await settle(member, 'Lab');
    const dialog = member.getByRole('dialog', { name: 'Ask to extend your membership of Lab' });
    await dialog.waitFor();
    const day = await dayInBrowser(member, 90);
    await dialog.getByLabel('Extend until').fill(day);
    await dialog.getByLabel('Reason (optional)').fill('The experiment runs until spring.');
    await noSeriousViolations(member, 'request-extension.png');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await member.getByText(/Your request to extend is waiting for the approvers/).waitFor();
    await member.getByRole('button', { name: 'Request extension' }).waitFor({ state: 'detached' });

    await leader.goto(`${server.url}/queue`);
    await settle(leader, 'Approval queue');
    await leader.getByRole('tab', { name: /Extension requests/ }).click();
    const row = leader.getByRole('region', { name: 'Pending requests' }).getByRole('row', { name: /Mia Member/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Extend');
    expect(await row.textContent()).toContain('The experiment runs until spring.');
    await row.getByTestId('requested-until').waitFor();
    await noSeriousViolations(leader, 'queue-extensions.png');
    await row.getByRole('button', { name: 'Approve Mia Member for Lab' }).click();
    const decide = leader.getByRole('dialog', { name: /^Approve the request of Mia Member for Lab/ });
    // An extension sets the asked expiry: the dialog offers no expiry of its own.
    expect(await decide.getByLabel('Membership ends (optional)').count()).toBe(0);
    await decide.getByRole('button', { name: 'Approve' }).click();
    await leader.getByText('No extension requests wait for your decision.').waitFor();

    const stored = await expiryOf(miaId);
    expect(await wallClockInBrowser(member, stored!)).toBe(`${day} 23:59:59.999`);
    await member.reload();
    await settle(member, 'Lab');
    const shown = await member.evaluate((iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso)), stored!);
    await member.getByText(`Your membership ends on ${shown}.`, { exact: false }).waitFor();
  });

  it('whoever edits a resource’s access changes a grant’s expiry inline on the access list', async () => {
    const created = await graphqlInPage<{ createResource: { id: string } }>(admin, 'mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }', {
      i: { kind: 'document', name: 'Lab notebook' },
    });
    const resourceId = created.createResource.id;
    await graphqlInPage(admin, 'mutation($r: ID!, $u: ID, $e: DateTime) { grantAccess(resourceId: $r, userId: $u, level: READ, expiresAt: $e) { id } }', {
      r: resourceId,
      u: maxId,
      e: new Date(Date.now() + 3 * DAY).toISOString(),
    });
    await admin.goto(`${server.url}/resources/${resourceId}`);
    await settle(admin, 'Lab notebook');
    const row = admin.getByRole('region', { name: 'Access list' }).getByRole('row', { name: /Max Other/ });
    await row.waitFor();
    await row.getByRole('button', { name: /^Change the expiry of Max Other/ }).click();
    const day = await dayInBrowser(admin, 30);
    await row.getByLabel(/^New expiry of Max Other/).fill(day);
    await row.getByRole('button', { name: 'Save' }).click();
    await admin.getByText(/^The access of Max Other.* now ends on/).waitFor();
    const grants = await graphqlInPage<{ resource: { grants: { expiresAt: string | null; level: string; user: { id: string } | null }[] } }>(
      admin,
      'query($id: ID!) { resource(id: $id) { grants { expiresAt level user { id } } } }',
      { id: resourceId },
    );
    const grant = grants.resource.grants.find((g) => g.user?.id === maxId)!;
    expect(grant.level).toBe('READ');
    expect(await wallClockInBrowser(admin, grant.expiresAt!)).toBe(`${day} 23:59:59.999`);
  });
});
