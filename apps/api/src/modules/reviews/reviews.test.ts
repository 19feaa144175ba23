import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In } from 'typeorm';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, asOf, expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, ROLES, type Cast, type TestUser } from '../../../test/factories';
import { auditSentence } from '../audit/audit-actions';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { EventEntity } from '../events/event.entity';
import type { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { AccessReviewEntity, AccessReviewItemEntity } from './access-review.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;
const START =
  'mutation ($i: AccessReviewInput!) { startAccessReview(input: $i) { id name status deadline defaultDecision autoApply itemCount decidedCount groups { id } createdBy { id } } }';
const DECIDE =
  'mutation ($ids: [ID!]!, $d: ReviewDecision!, $c: String) { decideReviewItems(itemIds: $ids, decision: $d, comment: $c) { id decision comment decidedBy { id } viewerCanDecide } }';
const CLOSE = 'mutation ($id: ID!) { closeAccessReview(id: $id) { id status closedAt itemCount decidedCount } }';
const REVIEW =
  'query ($id: ID!, $mine: Boolean, $u: Boolean) { accessReview(id: $id) { id status itemCount decidedCount groupProgress { group { id } itemCount decidedCount } reviewerProgress { reviewer { id } decidedCount } items(first: 100, mine: $mine, undecidedOnly: $u) { totalCount edges { node { id user { id } group { id } source decision applied viewerCanDecide decidedBy { id } } } } } }';
const LIST = 'query ($s: ReviewStatus) { accessReviews(status: $s, first: 100) { totalCount edges { node { id } } } }';

interface Item {
  id: string;
  user: { id: string };
  group: { id: string };
  source: string;
  decision: string | null;
  applied: boolean;
  viewerCanDecide: boolean;
  decidedBy: { id: string } | null;
}

const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

async function start(as: TestUser, input: Record<string, unknown>): Promise<string> {
  const r = await app.gql<{ startAccessReview: { id: string } }>(START, { i: { name: 'Quarterly review', deadline: inDays(14), ...input } }, as.as);
  expect(r.errors).toBeUndefined();
  return r.data!.startAccessReview.id;
}

async function itemsOf(reviewId: string, as: TestUser = cast.admin, vars: Record<string, unknown> = {}): Promise<Item[]> {
  const r = await app.gql<{ accessReview: { items: { edges: { node: Item }[] } } }>(REVIEW, { id: reviewId, ...vars }, as.as);
  expect(r.errors).toBeUndefined();
  return r.data!.accessReview.items.edges.map((e) => e.node);
}

const itemOf = async (reviewId: string, userId: string) => (await itemsOf(reviewId)).find((i) => i.user.id === userId)!;
const isMember = async (userId: string, groupId: string) => (await app.dataSource.manager.countBy(MembershipEntity, { userId, groupId })) === 1;

/** A group led by the cast's leader, with `n` fresh members. */
async function groupWith(n: number, overrides: Parameters<typeof makeGroup>[1] = {}): Promise<{ group: GroupEntity; members: TestUser[] }> {
  const members: TestUser[] = [];
  for (let i = 0; i < n; i++) members.push(await makeUser(app));
  const group = await makeGroup(app, { leaders: [cast.leader.user.id], members: members.map((m) => m.user.id), ...overrides });
  return { group, members };
}

describe('SPEC §21 access reviews: who may do what', () => {
  it('startAccessReview matrix: managers (self-service groups) and admins; internal groups admins only', async () => {
    await expectMatrix(app, cast, START, () => ({ i: { name: 'Matrix', groupIds: [cast.group.id], deadline: inDays(7) } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'OK', admin: 'OK',
    });
    const internal = await makeGroup(app, { internal: true, leaders: [cast.leader.user.id] });
    await expectMatrix(app, cast, START, () => ({ i: { name: 'Matrix', groupIds: [internal.id], deadline: inDays(7) } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('viewerAbilities.startAccessReview follows the start rule: managers and admins', async () => {
    const q = '{ viewerAbilities { startAccessReview } }';
    const may = async (as: TestUser) => (await app.gql<{ viewerAbilities: { startAccessReview: boolean } }>(q, {}, as.as)).data!.viewerAbilities.startAccessReview;
    expect(await may(cast.user)).toBe(false);
    expect(await may(cast.leader)).toBe(false);
    expect(await may(cast.manager)).toBe(true);
    expect(await may(cast.admin)).toBe(true);
  });

  it('viewerCanClose: admins, while the review is open', async () => {
    const { group } = await groupWith(1);
    const id = await start(cast.admin, { groupIds: [group.id] });
    const q = 'query ($id: ID!) { accessReview(id: $id) { viewerCanClose } }';
    const canClose = async (as: TestUser) => (await app.gql<{ accessReview: { viewerCanClose: boolean } }>(q, { id }, as.as)).data!.accessReview.viewerCanClose;
    expect(await canClose(cast.leader)).toBe(false);
    expect(await canClose(cast.admin)).toBe(true);
    expect((await app.gql(CLOSE, { id }, cast.admin.as)).errors).toBeUndefined();
    expect(await canClose(cast.admin)).toBe(false);
  });

  it('bad input is BAD_USER_INPUT and starts nothing', async () => {
    const before = await app.dataSource.manager.count(AccessReviewEntity);
    const cases: Record<string, unknown>[] = [
      { name: 'x', deadline: inDays(7) }, // neither groups nor a permission
      { name: 'x', groupIds: [cast.group.id], permission: 'groups.request', deadline: inDays(7) }, // both
      { name: ' ', groupIds: [cast.group.id], deadline: inDays(7) },
      { name: 'x', groupIds: [cast.group.id], deadline: inDays(-1) },
      { name: 'x', groupIds: [cast.group.id], deadline: inDays(400) },
      { name: 'x', groupIds: [newId()], deadline: inDays(7) },
      { name: 'x', groupIds: ['nope'], deadline: inDays(7) },
      { name: 'x', permission: 'no.such', deadline: inDays(7) },
      { name: 'x', permission: 'scim.provision', deadline: inDays(7) }, // carried by no group
      { name: 'x', groupIds: [cast.group.id], deadline: inDays(7), defaultDecision: 'MAYBE' },
    ];
    for (const i of cases) expect(outcome(await app.gql(START, { i }, cast.admin.as)), JSON.stringify(i)).toBe('BAD_USER_INPUT');
    expect(await app.dataSource.manager.count(AccessReviewEntity)).toBe(before);
  });

  it('accessReview and accessReviews: the starter, reviewers and admins; others see nothing', async () => {
    const { group } = await groupWith(2);
    const id = await start(cast.admin, { groupIds: [group.id] });
    const seen: Record<string, boolean | string> = {};
    const listed: Record<string, boolean | string> = {};
    for (const role of ROLES) {
      const one = await app.gql<{ accessReview: { id: string } | null }>(REVIEW, { id }, asOf(cast, role));
      seen[role] = outcome(one) === 'OK' ? one.data!.accessReview?.id === id : outcome(one);
      const all = await app.gql<{ accessReviews: { edges: { node: { id: string } }[] } }>(LIST, {}, asOf(cast, role));
      listed[role] = outcome(all) === 'OK' ? all.data!.accessReviews.edges.some((e) => e.node.id === id) : outcome(all);
    }
    const expected = { anonymous: 'UNAUTHENTICATED', user: false, leader: true, manager: true, admin: true };
    expect(seen).toEqual(expected);
    expect(listed).toEqual(expected);
    // A manager does not review internal groups: an admin's review of one is not theirs to see.
    const internal = await makeGroup(app, { internal: true, members: [cast.user.user.id] });
    const hidden = await start(cast.admin, { groupIds: [internal.id] });
    expect((await app.gql<{ accessReview: null }>(REVIEW, { id: hidden }, cast.manager.as)).data?.accessReview).toBeNull();
  });

  it('decideReviewItems matrix: the group’s leader, managers and admins; others NOT_FOUND', async () => {
    const { group, members } = await groupWith(5);
    const id = await start(cast.admin, { groupIds: [group.id] });
    const items = await itemsOf(id);
    const byUser = new Map(items.map((i) => [i.user.id, i.id]));
    let n = 0;
    await expectMatrix(app, cast, DECIDE, () => ({ ids: [byUser.get(members[n++]!.user.id)], d: 'KEEP', c: 'still needed' }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    const decided = await itemsOf(id);
    // anonymous and user took members 0 and 1 and changed nothing; the others decided 2, 3, 4.
    expect(decided.filter((i) => i.decision === 'KEEP').map((i) => i.decidedBy?.id).sort()).toEqual(
      [cast.leader.user.id, cast.manager.user.id, cast.admin.user.id].sort(),
    );
    expect(outcome(await app.gql(DECIDE, { ids: [newId()], d: 'KEEP' }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(DECIDE, { ids: ['x'], d: 'KEEP' }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(DECIDE, { ids: [], d: 'KEEP' }, cast.admin.as))).toBe('BAD_USER_INPUT');
    // A leader of another group neither sees nor decides this one's items.
    const other = await makeUser(app);
    const otherGroup = await makeGroup(app, { leaders: [other.user.id] });
    expect(otherGroup.id).not.toBe(group.id);
    expect(outcome(await app.gql(DECIDE, { ids: [byUser.get(members[0]!.user.id)], d: 'REMOVE' }, other.as))).toBe('NOT_FOUND');
  });

  it('closeAccessReview matrix: admins only; closing twice is CONFLICT', async () => {
    const { group } = await groupWith(1);
    const ids: Record<string, string> = {};
    for (const role of ROLES) ids[role] = await start(cast.admin, { groupIds: [group.id] });
    await expectMatrix(app, cast, CLOSE, (role) => ({ id: ids[role] }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const again = await app.gql(CLOSE, { id: ids['admin'] }, cast.admin.as);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CLOSED' });
    expect(outcome(await app.gql(CLOSE, { id: newId() }, cast.admin.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(CLOSE, { id: 'x' }, cast.admin.as))).toBe('NOT_FOUND');
  });
});

describe('SPEC §21 starting a review', () => {
  it('snapshots every current membership (not expired ones), notifies the reviewers, audits and events it', async () => {
    const { group, members } = await groupWith(3);
    const lapsed = await makeUser(app);
    await addMember(app, group.id, lapsed.user.id, new Date(Date.now() - 1000));
    const id = await start(cast.manager, { groupIds: [group.id] });
    const items = await itemsOf(id);
    expect(items.map((i) => i.user.id).sort()).toEqual(members.map((m) => m.user.id).sort());
    expect(items.every((i) => i.source === 'ADDED' && i.decision === null && !i.applied)).toBe(true);
    const notes = await app.dataSource.manager.findBy(NotificationEntity, { userId: cast.leader.user.id, link: `/reviews/${id}` });
    expect(notes.map((n) => n.title)).toEqual([`Review the members of ${group.name}`]);
    const started = await app.dataSource.manager.findBy(AuditEventEntity, { action: 'REVIEW_STARTED', actorId: cast.manager.user.id });
    const row = started.find((r) => (r.details['review'] as { id: string }).id === id)!;
    expect(row.details).toMatchObject({ review: { id }, groups: [{ id: group.id, label: group.name }], items: 3 });
    expect(auditSentence(row)).toBe(`Max Manager started the access review “Quarterly review” of ${group.name}, due ${(await app.dataSource.manager.findOneByOrFail(AccessReviewEntity, { id })).deadline.toISOString().slice(0, 10)}.`);
    const events = await app.dataSource.manager.findBy(EventEntity, { type: 'review.started' });
    expect(events.some((e) => (e.data['review'] as { id: string }).id === id)).toBe(true);
  });

  it('by permission: every group carrying it', async () => {
    await app.gql('mutation { definePermission(key: "wiki.review", description: "test") { key } }', {}, cast.admin.as);
    const a = await makeGroup(app, { permissions: ['wiki.review'], members: [cast.user.user.id] });
    const b = await makeGroup(app, { permissions: ['wiki.review'] });
    const r = await app.gql<{ startAccessReview: { groups: { id: string }[]; itemCount: number } }>(START, { i: { name: 'Wiki', permission: 'wiki.review', deadline: inDays(10) } }, cast.admin.as);
    expect(r.errors).toBeUndefined();
    expect(r.data!.startAccessReview.groups.map((g) => g.id).sort()).toEqual([a.id, b.id].sort());
    expect(r.data!.startAccessReview.itemCount).toBe(1);
  });
});

describe('SPEC §21 the items page', () => {
  it('pages through every item once, and totalCount matches each filter (kept counts, the viewer’s own left out, undecided counted)', async () => {
    const a = await groupWith(4);
    const b = await groupWith(3);
    // The leader reviews both groups and is a member of one: their own item is not "mine".
    await addMember(app, a.group.id, cast.leader.user.id);
    const id = await start(cast.admin, { groupIds: [a.group.id, b.group.id] });
    const first = (await itemsOf(id)).filter((i) => i.user.id !== cast.leader.user.id).slice(0, 2);
    expect((await app.gql(DECIDE, { ids: first.map((i) => i.id), d: 'KEEP' }, cast.leader.as)).errors).toBeUndefined();

    const PAGE =
      'query ($id: ID!, $after: String, $g: ID, $u: Boolean, $mine: Boolean) { accessReview(id: $id) { items(first: 3, after: $after, groupId: $g, undecidedOnly: $u, mine: $mine) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }';
    type Page = { accessReview: { items: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const walk = async (as: TestUser, vars: Record<string, unknown>) => {
      const ids: string[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (;;) {
        const r: Awaited<ReturnType<typeof app.gql<Page>>> = await app.gql<Page>(PAGE, { id, after, ...vars }, as.as);
        expect(r.errors).toBeUndefined();
        const items: Page['accessReview']['items'] = r.data!.accessReview.items;
        ids.push(...items.edges.map((e) => e.node.id));
        totals.add(items.totalCount);
        if (!items.pageInfo.hasNextPage) break;
        after = items.pageInfo.endCursor;
      }
      expect(new Set(ids).size).toBe(ids.length);
      expect([...totals]).toEqual([ids.length]);
      return ids.length;
    };
    expect(await walk(cast.admin, {})).toBe(8);
    expect(await walk(cast.admin, { g: a.group.id })).toBe(5);
    expect(await walk(cast.admin, { u: true })).toBe(6);
    expect(await walk(cast.leader, { mine: true })).toBe(7);
    expect(await walk(cast.leader, { mine: true, g: b.group.id })).toBe(3);
    expect(await walk(cast.leader, { mine: true, u: true })).toBe(5);
  });
});

describe('SPEC §21 a review through to its close', () => {
  it('default KEEP, closed by an admin: REMOVE ends memberships (cause REVIEW), undecided kept, self-items refused, ended or re-made memberships skipped', async () => {
    const { group, members } = await groupWith(5);
    const [removed, kept, undecided, leftMidway, remade] = members as [TestUser, TestUser, TestUser, TestUser, TestUser];
    await addMember(app, group.id, cast.leader.user.id); // the leader is a member too: a self-item
    const id = await start(cast.admin, { groupIds: [group.id] });
    const items = new Map((await itemsOf(id)).map((i) => [i.user.id, i]));
    const item = (u: TestUser) => items.get(u.user.id)!.id;

    // Nobody decides their own membership; it shows as not theirs to decide, and admins may.
    const own = await app.gql(DECIDE, { ids: [item(cast.leader), item(kept)], d: 'KEEP' }, cast.leader.as);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_REVIEW' });
    expect((await itemOf(id, kept.user.id)).decision).toBeNull(); // all or nothing
    const leaderView = await itemsOf(id, cast.leader);
    expect(leaderView.find((i) => i.user.id === cast.leader.user.id)?.viewerCanDecide).toBe(false);
    expect(leaderView.find((i) => i.user.id === kept.user.id)?.viewerCanDecide).toBe(true);
    expect((await itemsOf(id, cast.leader, { mine: true })).map((i) => i.user.id)).not.toContain(cast.leader.user.id);

    expect(outcome(await app.gql(DECIDE, { ids: [item(removed), item(leftMidway), item(remade)], d: 'REMOVE', c: 'left the team' }, cast.leader.as))).toBe('OK');
    expect(outcome(await app.gql(DECIDE, { ids: [item(kept)], d: 'KEEP' }, cast.leader.as))).toBe('OK');
    expect(outcome(await app.gql(DECIDE, { ids: [item(cast.leader)], d: 'KEEP' }, cast.admin.as))).toBe('OK');
    expect((await itemsOf(id, cast.admin, { u: true })).map((i) => i.user.id)).toEqual([undecided.user.id]);

    // Meanwhile one membership ends and another is ended and made again.
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group.id, u: [leftMidway.user.id, remade.user.id] }, cast.leader.as);
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [remade.user.id] }, cast.leader.as);

    const progress = await app.gql<{ accessReview: { groupProgress: { itemCount: number; decidedCount: number }[]; reviewerProgress: { reviewer: { id: string }; decidedCount: number }[] } }>(REVIEW, { id }, cast.admin.as);
    expect(progress.data!.accessReview.groupProgress).toEqual([{ group: { id: group.id }, itemCount: 6, decidedCount: 5 }]);
    expect(progress.data!.accessReview.reviewerProgress).toEqual([
      { reviewer: { id: cast.leader.user.id }, decidedCount: 4 },
      { reviewer: { id: cast.admin.user.id }, decidedCount: 1 },
    ]);

    const closed = await app.gql<{ closeAccessReview: { status: string; itemCount: number; decidedCount: number } }>(CLOSE, { id }, cast.admin.as);
    expect(closed.data?.closeAccessReview).toMatchObject({ status: 'CLOSED', itemCount: 6, decidedCount: 6 });
    expect(await isMember(removed.user.id, group.id)).toBe(false);
    expect(await isMember(kept.user.id, group.id)).toBe(true);
    expect(await isMember(undecided.user.id, group.id)).toBe(true);
    expect(await isMember(remade.user.id, group.id)).toBe(true); // made again after the start: skipped
    const after = new Map((await itemsOf(id)).map((i) => [i.user.id, i]));
    expect(Object.fromEntries([removed, kept, undecided, leftMidway, remade, cast.leader].map((u) => [u.user.displayName, [after.get(u.user.id)!.decision, after.get(u.user.id)!.applied]]))).toEqual({
      [removed.user.displayName]: ['REMOVE', true],
      [kept.user.displayName]: ['KEEP', true],
      [undecided.user.displayName]: ['KEEP', true],
      [leftMidway.user.displayName]: ['REMOVE', false],
      [remade.user.displayName]: ['REMOVE', false],
      [cast.leader.user.displayName]: ['KEEP', true],
    });
    expect(after.get(undecided.user.id)!.decidedBy).toBeNull(); // the review's default

    const removal = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { action: 'MEMBER_REMOVED', userId: removed.user.id, groupId: group.id });
    expect(removal.details).toMatchObject({ cause: 'REVIEW' });
    expect(removal.actorId).toBe(cast.admin.user.id);
    const removedEvents = await app.dataSource.manager.findBy(EventEntity, { type: 'membership.removed' });
    expect(removedEvents.some((e) => (e.data['user'] as { id: string }).id === removed.user.id && e.data['cause'] === 'REVIEW')).toBe(true);
    const note = await app.dataSource.manager.findOneByOrFail(NotificationEntity, { userId: removed.user.id, link: `/groups/${group.id}` });
    expect(note.title).toBe(`You were removed from ${group.name}`);
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { action: 'REVIEW_CLOSED', actorId: cast.admin.user.id })).toBeGreaterThanOrEqual(1);

    // Every decision, as CSV, for those who see the items.
    const csv = await app.gql<{ accessReview: { decisionsCsv: string } }>('query ($id: ID!) { accessReview(id: $id) { decisionsCsv } }', { id }, cast.leader.as);
    const lines = csv.data!.accessReview.decisionsCsv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,groupId,member,userId,source,memberSince,decision,decidedBy,decidedAt,comment,applied');
    expect(lines).toHaveLength(7);
    const removedLine = lines.find((l) => l.includes(removed.user.id))!.split(',');
    expect([removedLine[0], removedLine[2], removedLine[6], removedLine[7], removedLine[9], removedLine[10]]).toEqual([group.name, removed.user.displayName, 'REMOVE', 'Lea Leader', 'left the team', 'true']);
    expect(Number.isNaN(Date.parse(removedLine[5]!))).toBe(false);
    expect(lines.find((l) => l.includes(undecided.user.id))!.split(',').slice(6, 8)).toEqual(['KEEP', '']);

    // A closed review's decisions no longer change.
    const late = await app.gql(DECIDE, { ids: [item(kept)], d: 'REMOVE' }, cast.leader.as);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_CLOSED' });
    expect((await itemsOf(id, cast.leader)).every((i) => !i.viewerCanDecide)).toBe(true);
  });

  it('default REMOVE, closed at the deadline once by two sweeps at once: undecided removed, and the cascade of §8 ends what groups.request gave', async () => {
    const person = await makeUser(app);
    const keeper = await makeUser(app);
    // The person holds groups.request only through the group under review.
    await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id });
    const carrier = await makeGroup(app, { permissions: ['groups.request'], leaders: [cast.leader.user.id], members: [person.user.id, keeper.user.id] });
    const other = await makeGroup(app, { members: [person.user.id] }); // not public: the cascade ends it
    const id = await start(cast.admin, { groupIds: [carrier.id], defaultDecision: 'REMOVE' });
    const keep = (await itemsOf(id)).find((i) => i.user.id === keeper.user.id)!;
    expect(outcome(await app.gql(DECIDE, { ids: [keep.id], d: 'KEEP' }, cast.leader.as))).toBe('OK');

    await app.dataSource.manager.update(AccessReviewEntity, { id }, { deadline: new Date(Date.now() - 1000) });
    const results = await Promise.all([app.services.sweeper.run(), app.services.sweeper.run()]);
    expect(results.reduce((sum, r) => sum + (r.reviewsClosed ?? 0), 0)).toBe(1);
    const closings = await app.dataSource.manager.findBy(AuditEventEntity, { action: 'REVIEW_CLOSED' });
    const mine = closings.filter((c) => (c.details['review'] as { id: string }).id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.actorId).toBeNull(); // the system, at the deadline
    expect(auditSentence(mine[0]!)).toBe('The access review “Quarterly review” closed at its deadline.');

    expect(await isMember(person.user.id, carrier.id)).toBe(false);
    expect(await isMember(person.user.id, other.id)).toBe(false);
    expect(await isMember(keeper.user.id, carrier.id)).toBe(true);
    const removals = await app.dataSource.manager.findBy(AuditEventEntity, { action: 'MEMBER_REMOVED', userId: person.user.id, groupId: In([carrier.id, other.id]) });
    expect(removals.map((r) => [r.groupId, r.details['cause']]).sort()).toEqual(
      [[carrier.id, 'REVIEW'], [other.id, 'CASCADE']].sort(),
    );
    const rows = await app.dataSource.manager.findBy(AccessReviewItemEntity, { reviewId: id });
    expect(rows.map((r) => [r.userId, r.decision, r.applied]).sort()).toEqual([[person.user.id, 'REMOVE', true], [keeper.user.id, 'KEEP', true]].sort());
    // Later sweeps find nothing left to do.
    await app.services.sweeper.run();
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { action: 'MEMBER_REMOVED', userId: person.user.id, groupId: carrier.id })).toBe(1);
  });

  it('a review that does not apply its decisions changes no membership', async () => {
    const { group, members } = await groupWith(1);
    const id = await start(cast.admin, { groupIds: [group.id], defaultDecision: 'REMOVE', autoApply: false });
    expect(outcome(await app.gql(CLOSE, { id }, cast.admin.as))).toBe('OK');
    expect(await isMember(members[0]!.user.id, group.id)).toBe(true);
    expect(await itemOf(id, members[0]!.user.id)).toMatchObject({ decision: 'REMOVE', applied: false });
  });

  it('reminds the reviewers three days before the deadline, once, however many sweep', async () => {
    const lead = await makeUser(app);
    const group = await makeGroup(app, { leaders: [lead.user.id], members: [cast.user.user.id] });
    const id = await start(cast.admin, { groupIds: [group.id] });
    await app.services.sweeper.run();
    const reminders = () => app.dataSource.manager.findBy(NotificationEntity, { userId: lead.user.id, title: `Reminder: review the members of ${group.name}` });
    expect(await reminders()).toHaveLength(0); // not yet: the deadline is two weeks out
    await app.dataSource.manager.update(AccessReviewEntity, { id }, { deadline: new Date(Date.now() + 2 * DAY) });
    await Promise.all([app.services.sweeper.run(), app.services.sweeper.run()]);
    await app.services.sweeper.run();
    expect(await reminders()).toHaveLength(1);
    expect((await app.dataSource.manager.findOneByOrFail(AccessReviewEntity, { id })).status).toBe('OPEN');
  });
});
