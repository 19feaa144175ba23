import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { dayInBrowser, noSeriousViolations, pageKit, PASSWORD, settle } from './pages';
import { startServer, type RunningServer } from './server';
import { ADMIN, graphqlInPage } from './session';

const REVIEW = 'Lab recertification';
const MEMBERS = ['Ann Able', 'Bob Baker', 'Cy Cole', 'Di Dunn', 'Eve Ellis'];

// Issue 19 (SPEC §21): an admin starts a review of a group with several members, reviewed by its
// leader; the leader sees the count waiting in the navbar, opens the review from the notification,
// sees what the group gives (a permission, a granted resource) and each member's last sign-in,
// keeps most in bulk, removes one, and cannot decide their own membership; the admin decides that one, sees 100 % and closes the review, and
// the removed membership is gone from the group.
describe('access reviews: start, decide in bulk, close', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let leader: Page;
  let labId = '';
  let reviewUrl = '';

  const kit = pageKit(() => ({ browser, url: server.url }));
  const { pageFor, errors } = kit;

  const items = (page: Page) => page.getByRole('region', { name: 'Memberships under review' });
  const row = (page: Page, name: string) => items(page).getByRole('row', { name: new RegExp(name) });

  beforeAll(async () => {
    server = await startServer({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    browser = await launchBrowser();
    admin = await pageFor();
    const createUser = async (email: string, displayName: string) =>
      (
        await graphqlInPage<{ createUser: { id: string } }>(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          input: { email, displayName, password: PASSWORD },
        })
      ).createUser.id;
    const leaderId = await createUser('leo@gatehouse.test', 'Leo Leader');
    const memberIds: string[] = [];
    for (const name of MEMBERS) memberIds.push(await createUser(`${name.split(' ')[0]!.toLowerCase()}@gatehouse.test`, name));
    await graphqlInPage(admin, 'mutation { definePermission(key: "lab.enter", description: "May enter the lab.") { key } }');
    labId = (
      await graphqlInPage<{ createGroup: { id: string } }>(admin, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
        input: { name: 'Lab', description: 'Experiments.', internal: false, permissions: ['lab.enter'] },
      })
    ).createGroup.id;
    // A resource shared with the group: what its members reach through it.
    const notebook = (
      await graphqlInPage<{ createResource: { id: string } }>(admin, 'mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }', {
        input: { kind: 'document', name: 'Lab notebook' },
      })
    ).createResource.id;
    await graphqlInPage(admin, 'mutation($r: ID!, $g: ID!) { grantAccess(resourceId: $r, groupId: $g, level: WRITE) { id } }', { r: notebook, g: labId });
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: labId, u: [leaderId] });
    // The leader is a member too: their own membership is under review, and not theirs to decide.
    await graphqlInPage(admin, 'mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: labId, u: [leaderId, ...memberIds] });
    leader = await pageFor('leo@gatehouse.test');
  });

  afterAll(async () => {
    await kit.closeAll();
    await browser?.close();
    await server?.stop();
    expect(errors).toEqual([]);
  });

  it('an admin starts a review of the group; the deadline is the end of the picked day', async () => {
    await admin.goto(`${server.url}/reviews`);
    await settle(admin, 'Access reviews');
    await admin.getByText('No open reviews').waitFor();
    await admin.getByRole('button', { name: 'Start a review' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Start an access review' });
    await dialog.waitFor();
    // Nothing filled in: the form says what is missing, beside each field.
    await dialog.getByRole('button', { name: 'Start review' }).click();
    await dialog.getByText('Give the review a name.').waitFor();
    await dialog.getByText('Pick at least one group to review.').waitFor();

    await dialog.getByRole('textbox', { name: 'Name' }).fill(REVIEW);
    const groups = dialog.getByRole('combobox', { name: 'Groups' });
    await groups.click();
    await groups.fill('Lab');
    await admin.getByRole('option', { name: 'Lab', exact: true }).click();
    await admin.keyboard.press('Escape');
    await dialog.waitFor();
    const day = await dayInBrowser(admin, 14);
    await dialog.getByRole('textbox', { name: 'Deadline' }).fill(day);
    await noSeriousViolations(admin, 'review-start.png');
    await dialog.getByRole('button', { name: 'Start review' }).click();

    await settle(admin, REVIEW);
    reviewUrl = admin.url();
    expect(reviewUrl).toMatch(/\/reviews\/[0-9a-f-]{36}$/);
    const id = reviewUrl.split('/').at(-1)!;
    const stored = await graphqlInPage<{ accessReview: { deadline: string; itemCount: number } }>(admin, 'query($id: ID!) { accessReview(id: $id) { deadline itemCount } }', { id });
    expect(stored.accessReview.itemCount).toBe(MEMBERS.length + 1);
    const wall = await admin.evaluate((iso) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${d.getHours()}:${d.getMinutes()}`;
    }, stored.accessReview.deadline);
    expect(wall).toBe(`${day} 23:59`);
    await admin.getByTestId('review-percent').getByText('0 % decided').waitFor();
  });

  it('the leader opens it from the notification, keeps most in bulk, removes one, and cannot decide their own', async () => {
    await leader.goto(`${server.url}/groups`);
    await settle(leader, 'Groups');
    await leader.getByRole('link', { name: 'Access reviews' }).first().waitFor();
    // The navbar counts the items waiting for the leader: every member but themself.
    const waiting = leader.getByTestId('review-count').first();
    expect(await waiting.innerText()).toMatch(new RegExp(`^${MEMBERS.length}\\b`));
    await leader.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const popover = leader.getByRole('dialog', { name: 'Notifications' });
    await popover.getByRole('button', { name: 'Review the members of Lab', exact: true }).click();
    await settle(leader, REVIEW);
    expect(leader.url()).toBe(reviewUrl);

    await row(leader, 'Ann Able').waitFor();
    // The group's header says what membership gives: its permission and the resource granted to it.
    const header = items(leader).getByTestId('review-group');
    expect(await header.count()).toBe(1);
    await header.getByRole('heading', { name: 'Lab', level: 3 }).waitFor();
    expect(await header.getByTestId('review-group-permissions').textContent()).toContain('lab.enter');
    const granted = header.getByRole('link', { name: 'Lab notebook' });
    expect(await granted.getAttribute('href')).toMatch(/^\/resources\/[0-9a-f-]{36}$/);
    expect(await header.getByTestId('review-group-resources').textContent()).toContain('Write');
    // Each member's last sign-in: the leader has signed in, Ann never has.
    expect(await row(leader, 'Leo Leader').getByTestId('item-last-sign-in').textContent()).toMatch(/^Last sign-in /);
    expect(await row(leader, 'Ann Able').getByTestId('item-last-sign-in').textContent()).toBe('Never signed in');
    // Their own membership: no checkbox, no buttons, and the row says why.
    const own = row(leader, 'Leo Leader');
    expect(await own.getByTestId('cannot-decide').textContent()).toBe('Your own membership: another reviewer or an administrator decides it.');
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.getByRole('checkbox').count()).toBe(0);
    await noSeriousViolations(leader, 'review-reviewer.png');

    await leader.getByRole('checkbox', { name: 'Select every membership shown that you may decide' }).check();
    await leader.getByText(`${MEMBERS.length} memberships selected`).waitFor();
    await leader.getByRole('checkbox', { name: 'Select the membership of Bob Baker in Lab' }).uncheck();
    await leader.getByRole('button', { name: 'Keep selected' }).click();
    await leader.getByText(`${MEMBERS.length - 1} memberships kept.`).waitFor();
    for (const name of MEMBERS.filter((n) => n !== 'Bob Baker')) expect(await row(leader, name).getByTestId('item-decision').textContent()).toBe('Keep');
    // The bulk decision leaves one item waiting (Bob's).
    await leader.waitForFunction(() => document.querySelector('[data-testid="review-count"]')?.textContent?.startsWith('1') === true);

    await leader.getByRole('textbox', { name: 'Comment (optional)' }).fill('Left the lab in May.');
    await row(leader, 'Bob Baker').getByRole('button', { name: 'Remove Bob Baker from Lab' }).click();
    await leader.getByText('Bob Baker in Lab: marked for removal.').waitFor();
    const bob = row(leader, 'Bob Baker');
    expect(await bob.getByTestId('item-decision').textContent()).toBe('Remove');
    expect(await bob.textContent()).toContain('Left the lab in May.');
    await leader.getByTestId('review-percent').getByText('83 % decided').waitFor();
    await waiting.waitFor({ state: 'detached' });

    // At phone width the rows become cards and each keeps its Keep / Remove on screen.
    await leader.setViewportSize({ width: 390, height: 800 });
    const keep = row(leader, 'Ann Able').getByRole('button', { name: 'Keep Ann Able in Lab' });
    await keep.scrollIntoViewIfNeeded();
    expect(await keep.isVisible()).toBe(true);
    const box = await keep.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await noSeriousViolations(leader, 'review-reviewer-phone.png');
    await leader.setViewportSize({ width: 1280, height: 900 });
  });

  it('the admin decides the leader’s own item, sees 100 %, and closes the review: the removal ends the membership', async () => {
    await admin.goto(reviewUrl);
    await settle(admin, REVIEW);
    // Other rows name Leo as their decider; the button names the row.
    await items(admin).getByRole('button', { name: 'Keep Leo Leader in Lab' }).click();
    await admin.getByText('Leo Leader in Lab: kept.').waitFor();
    await admin.getByTestId('review-percent').getByText('100 % decided').waitFor();
    const perReviewer = admin.getByRole('region', { name: 'Decisions per reviewer' });
    expect(await perReviewer.getByRole('row', { name: /Leo Leader/ }).textContent()).toContain(String(MEMBERS.length));

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Download decisions (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lab-recertification-[0-9a-f]{8}-decisions\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('group,groupId,member,userId,source,memberSince,decision,decidedBy,decidedAt,comment,applied');
    expect(csv.split('\r\n').find((line) => line.startsWith('Lab,') && line.includes('Bob Baker'))).toContain('REMOVE,Leo Leader,');

    await admin.getByRole('button', { name: 'Close now' }).click();
    const dialog = admin.getByRole('dialog', { name: `Close “${REVIEW}” now?` });
    await dialog.getByText('Every membership has been decided. 1 membership will end now', { exact: false }).waitFor();
    await noSeriousViolations(admin, 'review-close.png');
    await dialog.getByRole('button', { name: 'Close review' }).click();
    await admin.getByText(`Closed the access review “${REVIEW}”.`).waitFor();
    await admin.getByText(/^Closed on /).waitFor();
    await admin.getByRole('button', { name: 'Close now' }).waitFor({ state: 'detached' });
    expect(await row(admin, 'Bob Baker').textContent()).toContain('Carried out');

    const members = await graphqlInPage<{ group: { members: { edges: { node: { user: { displayName: string } } }[] } } }>(
      admin,
      'query($g: ID!) { group(id: $g) { members(first: 50) { edges { node { user { displayName } } } } } }',
      { g: labId },
    );
    const names = members.group.members.edges.map((e) => e.node.user.displayName).sort();
    expect(names).toEqual(['Ann Able', 'Cy Cole', 'Di Dunn', 'Eve Ellis', 'Leo Leader']);
    await admin.goto(`${server.url}/groups/${labId}`);
    await settle(admin, 'Lab');
    const list = admin.getByRole('region', { name: 'Member list' });
    await list.getByRole('row', { name: /Ann Able/ }).waitFor();
    expect(await list.getByRole('row', { name: /Bob Baker/ }).count()).toBe(0);

    await admin.goto(`${server.url}/reviews?status=CLOSED`);
    await settle(admin, 'Access reviews');
    const listed = admin.getByRole('region', { name: 'Access reviews' }).getByRole('row', { name: new RegExp(REVIEW) });
    expect(await listed.textContent()).toContain('6 of 6 decided (100 %)');
    await noSeriousViolations(admin, 'reviews-list.png');
  });
});
