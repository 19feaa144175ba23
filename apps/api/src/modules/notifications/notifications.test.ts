import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

type Inbox = { notifications: { unreadCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; title: string; readAt: string | null } }[] } };
const INBOX = 'query ($u: Boolean, $f: Int, $a: String) { notifications(unreadOnly: $u, first: $f, after: $a) { unreadCount pageInfo { hasNextPage endCursor } edges { node { id title readAt } } } }';

describe('SPEC §10 notifications', () => {
  it('being added and removed notifies the member; unread count and mark-as-read work', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.leader.as);
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u, reason: "Project ended") }', { g: group.id, u: [person.user.id] }, cast.leader.as);
    const inbox = (await app.gql<Inbox>(INBOX, { f: 10 }, person.as)).data!.notifications;
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.edges.map((e) => e.node.title)).toEqual([`You were removed from ${group.name}`, `You were added to ${group.name}`]);
    expect((await app.gql('mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [inbox.edges[0]!.node.id] }, person.as)).data).toEqual({ markNotificationsRead: 1 });
    expect((await app.gql<Inbox>(INBOX, { u: true }, person.as)).data!.notifications.edges).toHaveLength(1);
    expect((await app.gql('mutation { markNotificationsRead }', {}, person.as)).data).toEqual({ markNotificationsRead: 1 });
    expect((await app.gql<Inbox>(INBOX, {}, person.as)).data!.notifications.unreadCount).toBe(0);
  });

  it('nobody reads or marks another person’s notifications', async () => {
    const person = await makeUser(app);
    const group = await makeGroup(app);
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.admin.as);
    const id = (await app.gql<Inbox>(INBOX, {}, person.as)).data!.notifications.edges[0]!.node.id;
    expect((await app.gql('mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [id] }, cast.admin.as)).data).toEqual({ markNotificationsRead: 0 });
    expect((await app.gql<Inbox>(INBOX, {}, person.as)).data!.notifications.unreadCount).toBe(1);
  });

  it('markNotificationsRead matrix: any signed-in user (their own only)', async () => {
    await expectMatrix(app, cast, 'mutation { markNotificationsRead }', () => ({}), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('pages without repeats and refuses bad paging input', async () => {
    const person = await makeUser(app);
    for (let i = 0; i < 5; i++) {
      const g = await makeGroup(app);
      await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: g.id, u: [person.user.id] }, cast.admin.as);
    }
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Inbox['notifications'] = (await app.gql<Inbox>(INBOX, { f: 2, a: after }, person.as)).data!.notifications;
      ids.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(ids).size).toBe(5);
    expect(outcome(await app.gql(INBOX, { f: 0 }, person.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(INBOX, { a: 'junk' }, person.as))).toBe('BAD_USER_INPUT');
  });
});
