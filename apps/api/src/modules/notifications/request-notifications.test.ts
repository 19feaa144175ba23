import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

type Inbox = { notifications: { unreadCount: number; edges: { node: { title: string; readAt: string | null } }[] } };
const INBOX = '{ notifications(first: 50) { unreadCount edges { node { title readAt } } } }';
const inbox = async (who: TestUser) => (await app.gql<Inbox>(INBOX, {}, who.as)).data!.notifications;
const about = (box: Inbox['notifications'], groupName: string) => box.edges.filter((e) => e.node.title.includes(groupName));

/** A group with two leaders and a pending join request to it. */
async function pendingRequest() {
  const second = await makeUser(app, { displayName: 'Second Leader' });
  const group = await makeGroup(app, { name: `Settled ${Date.now()} ${Math.random()}`, leaders: [cast.leader.user.id, second.user.id] });
  const requester = await makeUser(app);
  const asked = await app.gql<{ joinGroup: { request: { id: string } } }>('mutation ($g: ID!) { joinGroup(groupId: $g) { outcome request { id } } }', { g: group.id }, requester.as);
  expect(asked.errors).toBeUndefined();
  return { group, second, requester, requestId: asked.data!.joinGroup.request.id };
}

describe('leaders’ request notifications are marked read once the request is decided, by anyone (issue 21)', () => {
  it.each([
    ['approved by the other leader', 'approveRequest'],
    ['rejected by an admin', 'rejectRequest'],
  ])('%s', async (_label, mutation) => {
    const { group, second, requestId } = await pendingRequest();
    const before = await inbox(cast.leader);
    expect(about(before, group.name).map((e) => e.node.readAt)).toEqual([null]);
    const decider = mutation === 'approveRequest' ? second : cast.admin;
    const decided = await app.gql(`mutation ($r: ID!) { ${mutation}(requestId: $r) { status } }`, { r: requestId }, decider.as);
    expect(decided.errors).toBeUndefined();
    const after = await inbox(cast.leader);
    expect(about(after, group.name).map((e) => e.node.readAt === null)).toEqual([false]);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(about(await inbox(second), group.name).every((e) => e.node.readAt !== null)).toBe(true);
  });

  it('a withdrawn request is settled too; the requester’s own notifications are untouched', async () => {
    const { group, requester, requestId } = await pendingRequest();
    await app.gql('mutation ($r: ID!) { withdrawRequest(requestId: $r) { status } }', { r: requestId }, requester.as);
    expect(about(await inbox(cast.leader), group.name).map((e) => e.node.readAt === null)).toEqual([false]);

    const other = await pendingRequest();
    await app.gql('mutation ($r: ID!, $c: String) { rejectRequest(requestId: $r, comment: $c) { status } }', { r: other.requestId, c: 'Not now' }, cast.leader.as);
    const requesterBox = await inbox(other.requester);
    expect(about(requesterBox, other.group.name).map((e) => e.node.readAt)).toEqual([null]); // "your request was rejected" stays unread
  });

  it('another request still waiting keeps its notification unread', async () => {
    const a = await pendingRequest();
    const b = await pendingRequest();
    await app.gql('mutation ($r: ID!) { approveRequest(requestId: $r) { status } }', { r: a.requestId }, cast.admin.as);
    const box = await inbox(cast.leader);
    expect(about(box, a.group.name).map((e) => e.node.readAt === null)).toEqual([false]);
    expect(about(box, b.group.name).map((e) => e.node.readAt === null)).toEqual([true]);
  });
});
