import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { GrantEntity } from '../resources/grant.entity';
import { UserEntity } from '../users/user.entity';

/**
 * What a reviewer sees (SPEC §21): each member's last sign-in and what the group gives (its
 * permissions and the resources granted to it), and the count of items waiting for them.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const START = 'mutation ($i: AccessReviewInput!) { startAccessReview(input: $i) { id } }';
const DECIDE = 'mutation ($ids: [ID!]!, $d: ReviewDecision!) { decideReviewItems(itemIds: $ids, decision: $d) { id lastSignInAt } }';
const CLOSE = 'mutation ($id: ID!) { closeAccessReview(id: $id) { id } }';
const WAITING = '{ reviewItemsWaiting }';
const GRANTS = '{ resourceId resourceName resourceKind level expiresAt }';

async function start(groupIds: string[]): Promise<string> {
  const r = await app.gql<{ startAccessReview: { id: string } }>(START, { i: { name: 'Reviewer view', groupIds, deadline: inDays(14) } }, cast.admin.as);
  expect(r.errors).toBeUndefined();
  return r.data!.startAccessReview.id;
}

async function waiting(as: TestUser): Promise<number> {
  const r = await app.gql<{ reviewItemsWaiting: number }>(WAITING, {}, as.as);
  expect(r.errors).toBeUndefined();
  return r.data!.reviewItemsWaiting;
}

let n = 0;
/** A resource granted to `groupId` at `level`; `expired` moves the grant's expiry into the past. */
async function grantTo(groupId: string, level: 'READ' | 'WRITE', expired = false): Promise<{ id: string; name: string }> {
  const name = `Handbook ${n++}`;
  const created = await app.gql<{ createResource: { id: string } }>('mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }', { i: { kind: 'document', name } }, cast.admin.as);
  const id = created.data!.createResource.id;
  const granted = await app.gql<{ grantAccess: { id: string } }>(
    'mutation ($r: ID!, $g: ID, $l: AccessLevel!, $e: DateTime) { grantAccess(resourceId: $r, groupId: $g, level: $l, expiresAt: $e) { id } }',
    { r: id, g: groupId, l: level, e: expired ? inDays(1) : null },
    cast.admin.as,
  );
  expect(granted.errors).toBeUndefined();
  if (expired) await app.dataSource.manager.update(GrantEntity, { id: granted.data!.grantAccess.id }, { expiresAt: new Date(Date.now() - DAY) });
  return { id, name };
}

/**
 * The oracle for the waiting count: over every open review the viewer sees, the undecided items
 * the viewer may decide (`viewerCanDecide`), read item by item.
 */
async function decidableUndecided(as: TestUser): Promise<number> {
  const reviews = await app.gql<{ accessReviews: { edges: { node: { id: string } }[] } }>('{ accessReviews(status: OPEN, first: 100) { edges { node { id } } } }', {}, as.as);
  expect(reviews.errors).toBeUndefined();
  let count = 0;
  for (const { node } of reviews.data!.accessReviews.edges) {
    let after: string | null = null;
    for (;;) {
      const r: GqlResult<{ accessReview: { items: { edges: { node: { decision: string | null; viewerCanDecide: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }> =
        await app.gql('query ($id: ID!, $a: String) { accessReview(id: $id) { items(first: 100, after: $a) { edges { node { decision viewerCanDecide } } pageInfo { hasNextPage endCursor } } } }', { id: node.id, a: after }, as.as);
      const items = r.data!.accessReview.items;
      count += items.edges.filter((e) => e.node.viewerCanDecide && e.node.decision === null).length;
      if (!items.pageInfo.hasNextPage) break;
      after = items.pageInfo.endCursor;
    }
  }
  return count;
}

describe('SPEC §21 what a reviewer sees of each membership', () => {
  it('items carry the member’s last sign-in (null: never), and their group’s permissions and current grants', async () => {
    const leader = await makeUser(app);
    const signedIn = await makeUser(app);
    const never = await makeUser(app);
    const lastSignIn = new Date(Date.now() - 3 * DAY);
    lastSignIn.setMilliseconds(0);
    await app.dataSource.manager.update(UserEntity, { id: signedIn.user.id }, { lastSignInAt: lastSignIn });
    const group = await makeGroup(app, { leaders: [leader.user.id], members: [signedIn.user.id, never.user.id], permissions: ['resources.create'] });
    const wiki = await grantTo(group.id, 'WRITE');
    await grantTo(group.id, 'READ', true);
    const id = await start([group.id]);

    const r = await app.gql<{
      accessReview: {
        groups: { id: string; permissions: string[]; grants: { resourceId: string; resourceName: string; resourceKind: string; level: string }[] }[];
        items: { edges: { node: { id: string; user: { id: string; lastSignInAt: string | null }; lastSignInAt: string | null; group: { id: string; grants: { resourceName: string }[] } } }[] };
      };
    }>(
      `query ($id: ID!) { accessReview(id: $id) { groups { id permissions grants ${GRANTS} }
        items(first: 50) { edges { node { id lastSignInAt user { id lastSignInAt } group { id grants { resourceName } } } } } } }`,
      { id },
      leader.as,
    );
    expect(r.errors).toBeUndefined();
    const review = r.data!.accessReview;
    expect(review.groups).toEqual([
      { id: group.id, permissions: ['resources.create'], grants: [{ resourceId: wiki.id, resourceName: wiki.name, resourceKind: 'document', level: 'WRITE', expiresAt: null }] },
    ]);
    const byUser = new Map(review.items.edges.map((e) => [e.node.user.id, e.node]));
    expect(new Date(byUser.get(signedIn.user.id)!.lastSignInAt!).getTime()).toBe(lastSignIn.getTime());
    expect(byUser.get(never.user.id)!.lastSignInAt).toBeNull();
    // The item answers it; the user's own field stays the user's and administrators'.
    expect(byUser.get(signedIn.user.id)!.user.lastSignInAt).toBeNull();
    expect(byUser.get(signedIn.user.id)!.group.grants).toEqual([{ resourceName: wiki.name }]);

    // A decision answers it too (its items are not read through the page).
    const decided = await app.gql<{ decideReviewItems: { lastSignInAt: string | null }[] }>(DECIDE, { ids: [byUser.get(signedIn.user.id)!.id], d: 'KEEP' }, leader.as);
    expect(decided.errors).toBeUndefined();
    expect(new Date(decided.data!.decideReviewItems[0]!.lastSignInAt!).getTime()).toBe(lastSignIn.getTime());
  });

  it('Group.grants: for those who may list its members (members, leaders, managers, admins), else empty', async () => {
    const member = await makeUser(app);
    const group = await makeGroup(app, { public: true, leaders: [cast.leader.user.id], members: [member.user.id] });
    const doc = await grantTo(group.id, 'READ');
    const q = `query ($id: ID!) { group(id: $id) { id grants ${GRANTS} } }`;
    const grantsAs = async (as: TestUser) => {
      const r = await app.gql<{ group: { grants: { resourceName: string }[] } | null }>(q, { id: group.id }, as.as);
      expect(r.errors).toBeUndefined();
      return r.data!.group!.grants.map((g) => g.resourceName);
    };
    expect(await grantsAs(cast.user)).toEqual([]);
    for (const as of [member, cast.leader, cast.manager, cast.admin]) expect(await grantsAs(as)).toEqual([doc.name]);
  });
});

describe('SPEC §21 reviewItemsWaiting: items the viewer may decide now', () => {
  it('a leader: undecided items of open reviews of the groups they lead, never their own', async () => {
    const leader = await makeUser(app);
    const others = [await makeUser(app), await makeUser(app), await makeUser(app)];
    const group = await makeGroup(app, { leaders: [leader.user.id], members: [leader.user.id, ...others.map((o) => o.user.id)] });
    const closing = await makeGroup(app, { leaders: [leader.user.id], members: [others[0]!.user.id] });
    expect(await waiting(leader)).toBe(0);

    const id = await start([group.id]);
    const closed = await start([closing.id]);
    expect(await waiting(leader)).toBe(4); // three others here, one in the review about to close; not their own
    expect((await app.gql(CLOSE, { id: closed }, cast.admin.as)).errors).toBeUndefined();
    expect(await waiting(leader)).toBe(3);

    const items = await app.gql<{ accessReview: { items: { edges: { node: { id: string; user: { id: string } } }[] } } }>(
      'query ($id: ID!) { accessReview(id: $id) { items(first: 50) { edges { node { id user { id } } } } } }',
      { id },
      leader.as,
    );
    const other = items.data!.accessReview.items.edges.find((e) => e.node.user.id === others[1]!.user.id)!.node;
    expect((await app.gql(DECIDE, { ids: [other.id], d: 'REMOVE' }, leader.as)).errors).toBeUndefined();
    expect(await waiting(leader)).toBe(2);
    expect(await waiting(leader)).toBe(await decidableUndecided(leader));
  });

  it('an administrator counts every open review’s undecided items but their own; a closed review drops out', async () => {
    const before = await waiting(cast.admin);
    const members = [await makeUser(app), await makeUser(app)];
    const group = await makeGroup(app, { internal: true, members: [cast.admin.user.id, ...members.map((m) => m.user.id)] });
    const id = await start([group.id]);
    expect(await waiting(cast.admin)).toBe(before + 2);
    expect(await waiting(cast.admin)).toBe(await decidableUndecided(cast.admin));
    expect((await app.gql(CLOSE, { id }, cast.admin.as)).errors).toBeUndefined();
    expect(await waiting(cast.admin)).toBe(before);
  });

  it('every role’s count is the number of undecided items viewerCanDecide says they may decide; a plain user’s is 0', async () => {
    const internal = await makeGroup(app, { internal: true, leaders: [cast.leader.user.id], members: [cast.user.user.id, cast.manager.user.id] });
    const selfService = await makeGroup(app, { members: [cast.user.user.id, cast.leader.user.id, cast.manager.user.id] });
    await start([internal.id, selfService.id, cast.group.id]);
    expect(await waiting(cast.user)).toBe(0);
    for (const as of [cast.user, cast.leader, cast.manager, cast.admin]) expect(await waiting(as)).toBe(await decidableUndecided(as));
    expect(await waiting(cast.manager)).toBeGreaterThan(0);
    expect(outcome(await app.gql(WAITING, {}, cast.anonymous))).toBe('UNAUTHENTICATED');
  });
});
