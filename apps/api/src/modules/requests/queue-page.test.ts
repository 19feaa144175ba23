import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../../test/factories';
import { GroupEntity } from '../groups/group.entity';
import { GroupRequestEntity, type RequestKind, type RequestStatus } from './group-request.entity';

// The page of `groupRequests` is one statement whose shape depends on who asks (a leader's page
// walks each led group's requests and merges them on PostgreSQL): paged to the end two at a time,
// every viewer's pages must hold exactly the requests in their scope, in the page's order, with
// the right total on every page.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const PAGE = `query ($f: RequestFilter, $after: String) {
  groupRequests(filter: $f, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status user { id } group { id } } }
  }
}`;
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; status: string; user: { id: string }; group: { id: string } } }[];
}

/** Every page of the viewer's list, in order; checks each page's total and each row's requester and group. */
async function readAll(who: TestUser, filter: Record<string, unknown>): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const r: GqlResult<{ groupRequests: Page }> = await app.gql<{ groupRequests: Page }>(PAGE, { f: filter, after }, who.as);
    expect(r.errors).toBeUndefined();
    const page: Page = r.data!.groupRequests;
    totals.push(page.totalCount);
    const rows = await app.dataSource.manager.findBy(GroupRequestEntity, {});
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { node } of page.edges) {
      expect([node.user.id, node.group.id]).toEqual([byId.get(node.id)!.userId, byId.get(node.id)!.groupId]);
      ids.push(node.id);
    }
    if (!page.pageInfo.hasNextPage) return { ids, totals };
    after = page.pageInfo.endCursor;
  }
  throw new Error('the list did not end');
}

/** The requests `keep` admits, in the page's order: pending oldest first, anything else newest first. */
async function expected(keep: (r: GroupRequestEntity) => boolean, oldestFirst: boolean): Promise<string[]> {
  const rows = (await app.dataSource.manager.findBy(GroupRequestEntity, {})).filter(keep);
  const sign = oldestFirst ? 1 : -1;
  rows.sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return rows.map((r) => r.id);
}

describe('groupRequests pages', () => {
  let led: GroupEntity[];
  let selfService: Set<string>;
  let leader: TestUser;
  let people: TestUser[];

  beforeAll(async () => {
    // The leader leads `a` directly and `b` through a leader group; `c` (self-service) and `d`
    // (restricted) are led by someone else. Requests are interleaved in time across the four, two
    // share a timestamp (the id breaks the tie), and not all are pending.
    leader = await makeUser(app);
    const leaderGroup = await makeGroup(app);
    await addMember(app, leaderGroup.id, leader.user.id);
    const a = await makeGroup(app, { leaders: [leader.user.id] });
    const b = await makeGroup(app);
    const setLeaders = await app.gql('mutation ($g: ID!, $lg: [ID!]!) { setGroupLeaders(groupId: $g, userIds: [], groupIds: $lg) { id } }', { g: b.id, lg: [leaderGroup.id] }, cast.admin.as);
    expect(setLeaders.errors).toBeUndefined();
    const c = await makeGroup(app);
    const d = await makeGroup(app, { restricted: true });
    led = [a, b];
    const groups = [a, b, c, d];
    people = await Promise.all(Array.from({ length: 9 }, () => makeUser(app)));
    const start = Date.parse('2026-01-01T00:00:00Z');
    const statuses: RequestStatus[] = ['PENDING', 'PENDING', 'APPROVED', 'PENDING', 'REJECTED'];
    const kinds: RequestKind[] = ['JOIN', 'JOIN', 'LEAVE'];
    const rows: Partial<GroupRequestEntity>[] = [];
    for (let i = 0; i < 36; i++) {
      const status = statuses[i % statuses.length]!;
      rows.push({
        id: randomUUID(), kind: kinds[i % kinds.length]!, status, userId: people[i % 9]!.user.id, groupId: groups[i % 4]!.id, reason: `r${i}`,
        // i = 10 and 11 share a moment
        createdAt: new Date(start + (i === 11 ? 10 : i) * 60_000),
        decidedAt: status === 'PENDING' ? null : new Date(start + 3_600_000), decidedById: status === 'PENDING' ? null : cast.admin.user.id,
      });
    }
    // Each (person, group) pair once: 9 people and 4 groups, 36 requests (UQ_request_one_pending).
    await app.dataSource.manager.insert(GroupRequestEntity, rows as never);
    const all = await app.dataSource.manager.findBy(GroupEntity, {});
    selfService = new Set(all.filter((g) => !g.restricted && !g.internal).map((g) => g.id));
  });

  const ledIds = () => new Set(led.map((g) => g.id));
  const filters: { name: string; filter: Record<string, unknown>; keep: (r: GroupRequestEntity) => boolean; oldestFirst: boolean }[] = [
    { name: 'pending', filter: { status: 'PENDING' }, keep: (r) => r.status === 'PENDING', oldestFirst: true },
    { name: 'pending joins', filter: { status: 'PENDING', kind: 'JOIN' }, keep: (r) => r.status === 'PENDING' && r.kind === 'JOIN', oldestFirst: true },
    { name: 'approved', filter: { status: 'APPROVED' }, keep: (r) => r.status === 'APPROVED', oldestFirst: false },
    { name: 'every status', filter: { status: null }, keep: () => true, oldestFirst: false },
  ];

  for (const { name, filter, keep, oldestFirst } of filters) {
    it(`a leader's queue (${name}): the led groups' requests, direct and through a leader group, in order`, async () => {
      const want = await expected((r) => ledIds().has(r.groupId) && keep(r), oldestFirst);
      expect(want.length).toBeGreaterThan(2);
      const { ids, totals } = await readAll(leader, filter);
      expect(ids).toEqual(want);
      expect(new Set(totals)).toEqual(new Set([want.length]));
    });

    it(`a manager's queue (${name}): self-service groups and the led ones; an admin's: all`, async () => {
      const forManager = await expected((r) => selfService.has(r.groupId) && keep(r), oldestFirst);
      const managed = await readAll(cast.manager, filter);
      expect(managed.ids).toEqual(forManager);
      expect(new Set(managed.totals)).toEqual(new Set([forManager.length]));
      const forAdmin = await expected(keep, oldestFirst);
      const admin = await readAll(cast.admin, filter);
      expect(admin.ids).toEqual(forAdmin);
      expect(new Set(admin.totals)).toEqual(new Set([forAdmin.length]));
    });
  }

  it("one group of a leader's queue, and someone who leads nothing", async () => {
    const b = led[1]!;
    const want = await expected((r) => r.groupId === b.id && r.status === 'PENDING', true);
    expect((await readAll(leader, { status: 'PENDING', groupId: b.id })).ids).toEqual(want);
    const outsider = await makeUser(app);
    expect(await readAll(outsider, { status: 'PENDING' })).toEqual({ ids: [], totals: [0] });
    expect(await readAll(outsider, { status: 'PENDING', groupId: b.id })).toEqual({ ids: [], totals: [0] });
  });

  it('your own requests, every status, newest first', async () => {
    const someone = people[3]!;
    const want = await expected((r) => r.userId === someone.user.id, false);
    expect(want.length).toBeGreaterThan(2);
    const { ids, totals } = await readAll(someone, { mine: true, status: null });
    expect(ids).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });
});
