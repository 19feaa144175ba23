import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../../test/factories';
import { GroupEntity } from './group.entity';
import { MembershipEntity } from '../memberships/membership.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

type Dir = { groups: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; name: string } }[] } };
const names = async (who: TestUser, filter: Record<string, unknown> = {}) =>
  (await app.gql<Dir>('query ($f: GroupFilter) { groups(filter: $f, first: 100) { edges { node { id name } } } }', { f: filter }, who.as)).data!.groups.edges.map((e) => e.node.name);

describe('SPEC §3 seeing groups', () => {
  it('§3.1 lists my groups (hidden or internal included) plus listed groups; internal and hidden ones of others stay out', async () => {
    const person = await makeUser(app);
    const mineHidden = await makeGroup(app, { name: 'Dir Mine Hidden', hidden: true, members: [person.user.id] });
    const mineInternal = await makeGroup(app, { name: 'Dir Mine Internal', internal: true, members: [person.user.id] });
    await makeGroup(app, { name: 'Dir Listed' });
    await makeGroup(app, { name: 'Dir Other Hidden', hidden: true });
    await makeGroup(app, { name: 'Dir Other Internal', internal: true });
    const seen = (await names(person, { search: 'dir ' })).sort();
    expect(seen).toEqual(['Dir Listed', 'Dir Mine Hidden', 'Dir Mine Internal']);
    void mineHidden;
    void mineInternal;
  });

  it('§3.1 without groups.request only public listed groups (and my own) appear', async () => {
    const person = await makeUser(app);
    const member = await app.dataSource.manager.findOneByOrFail(GroupEntity, { builtIn: 'MEMBER' });
    await app.dataSource.manager.delete(MembershipEntity, { userId: person.user.id, groupId: member.id });
    await makeGroup(app, { name: 'Pub Listed', public: true });
    await makeGroup(app, { name: 'Pub Not Public' });
    expect(await names(person, { search: 'pub ' })).toEqual(['Pub Listed']);
  });

  it('§3.1 sorted by name, searchable, cursor-paged completely', async () => {
    for (const n of ['Page C', 'Page A', 'Page B', 'Page E', 'Page D']) await makeGroup(app, { name: n });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: Dir = (await app.gql<Dir>('query ($a: String) { groups(filter: { search: "page " }, first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }', { a: after }, cast.user.as)).data!;
      expect(d.groups.totalCount).toBe(5);
      seen.push(...d.groups.edges.map((e) => e.node.name));
      after = d.groups.pageInfo.endCursor;
      if (!d.groups.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(['Page A', 'Page B', 'Page C', 'Page D', 'Page E']);
    // The total comes with the page: an empty page still carries it.
    const empty = (await app.gql<Dir>('{ groups(filter: { search: "no such group" }, first: 2) { totalCount edges { node { id } } } }', {}, cast.user.as)).data!;
    expect(empty.groups).toMatchObject({ totalCount: 0, edges: [] });
    const last = (await app.gql<Dir>('query ($a: String) { groups(filter: { search: "page " }, first: 5, after: $a) { totalCount edges { node { id } } } }', { a: after }, cast.user.as)).data!;
    expect(last.groups).toMatchObject({ totalCount: 5, edges: [] });
  });

  it('§3.2 admins and managers see every group; leaders see the groups they lead (ledOnly filter)', async () => {
    const secret = await makeGroup(app, { name: 'Sec Internal', internal: true, leaders: [cast.leader.user.id] });
    expect(await names(cast.admin, { search: 'sec ' })).toEqual(['Sec Internal']);
    expect(await names(cast.manager, { search: 'sec ' })).toEqual(['Sec Internal']);
    expect(await names(cast.leader, { search: 'sec ' })).toEqual(['Sec Internal']);
    expect(await names(cast.user, { search: 'sec ' })).toEqual([]);
    expect(await names(cast.leader, { ledOnly: true })).toContain('Sec Internal');
    void secret;
  });

  it('§3.3 group(id) reaches hidden groups by their join link; internal ones only for members, leaders, managers, admins', async () => {
    const hidden = await makeGroup(app, { hidden: true });
    const internal = await makeGroup(app, { internal: true, leaders: [cast.leader.user.id] });
    const q = 'query ($id: ID!) { group(id: $id) { id joinPath } }';
    expect((await app.gql(q, { id: hidden.id }, cast.user.as)).data).toEqual({ group: { id: hidden.id, joinPath: `/groups/${hidden.id}` } });
    for (const who of [cast.leader, cast.manager, cast.admin]) expect((await app.gql(q, { id: internal.id }, who.as)).data).toMatchObject({ group: { id: internal.id } });
    expect((await app.gql(q, { id: internal.id }, cast.user.as)).data).toEqual({ group: null });
  });

  it('§3.4 viewerCan tells each viewer what they may do', async () => {
    const group = await makeGroup(app, { open: true, leaders: [cast.leader.user.id] });
    const can = async (who: TestUser) => (await app.gql<{ group: { viewerCan: Record<string, boolean> } }>('query ($id: ID!) { group(id: $id) { viewerCan { join requestJoin leave decideRequests manageMembers update delete } } }', { id: group.id }, who.as)).data!.group.viewerCan;
    expect(await can(cast.user)).toEqual({ join: true, requestJoin: false, leave: false, decideRequests: false, manageMembers: false, update: false, delete: false });
    expect(await can(cast.leader)).toMatchObject({ decideRequests: true, manageMembers: true, update: false, delete: false });
    expect(await can(cast.manager)).toMatchObject({ decideRequests: true, manageMembers: true, update: true, delete: false });
    expect(await can(cast.admin)).toMatchObject({ decideRequests: true, manageMembers: true, update: true, delete: true });
  });

  it('§3.4 members see who is in their group (viewerCan.listMembers); outsiders do not', async () => {
    const member = await makeUser(app);
    const outsider = await makeUser(app);
    const group = await makeGroup(app, { members: [member.user.id], leaders: [cast.leader.user.id] });
    const q = 'query ($id: ID!) { group(id: $id) { viewerCan { listMembers } members(first: 10) { totalCount edges { node { user { id } } } } } }';
    type Answer = { group: { viewerCan: { listMembers: boolean }; members: { totalCount: number } } };
    const ask = async (who: TestUser) => (await app.gql<Answer>(q, { id: group.id }, who.as)).data!.group;
    expect(await ask(member)).toMatchObject({ viewerCan: { listMembers: true }, members: { totalCount: 1 } });
    expect(await ask(outsider)).toMatchObject({ viewerCan: { listMembers: false }, members: { totalCount: 0 } });
    for (const who of [cast.leader, cast.manager, cast.admin]) expect((await ask(who)).viewerCan.listMembers).toBe(true);
  });

  it('§4.5 full tells the directory a group has reached maxMembers', async () => {
    const [a, b] = [await makeUser(app), await makeUser(app)];
    const full = await makeGroup(app, { open: true, maxMembers: 2, members: [a.user.id, b.user.id] });
    const room = await makeGroup(app, { open: true, maxMembers: 3, members: [a.user.id, b.user.id] });
    const unlimited = await makeGroup(app, { open: true, members: [a.user.id, b.user.id] });
    const q = 'query ($id: ID!) { group(id: $id) { full } }';
    const isFull = async (id: string) => ((await app.gql<{ group: { full: boolean } }>(q, { id }, cast.user.as)).data!.group.full);
    expect([await isFull(full.id), await isFull(room.id), await isFull(unlimited.id)]).toEqual([true, false, false]);
  });
});

describe('no N+1: the directory page costs the same number of queries at any page size', () => {
  it('groups(first: n) { memberCount leaders viewerCan members(first: 10) } — query count does not grow with n', async () => {
    const query = `query ($n: Int!) { groups(first: $n, filter: { search: "nplus" }) { edges { node {
      memberCount leaders { displayName } viewerCan { join } members(first: 10) { totalCount edges { node { user { displayName } } } }
    } } } }`;
    for (let i = 0; i < 12; i++) {
      const members = await Promise.all([makeUser(app), makeUser(app)]);
      await makeGroup(app, { name: `NPlus ${String(i).padStart(2, '0')}`, leaders: [cast.leader.user.id], members: members.map((m) => m.user.id) });
    }
    const countFor = async (n: number) => {
      await app.gql(query, { n }, cast.admin.as); // warm-up: same path, not counted
      app.queries.reset();
      const result = await app.gql<{ groups: { edges: { node: { members: { totalCount: number; edges: unknown[] } } }[] } }>(query, { n }, cast.admin.as);
      expect(result.errors).toBeUndefined();
      expect(result.data?.groups.edges).toHaveLength(n);
      expect(result.data?.groups.edges.every((e) => e.node.members.totalCount === 2 && e.node.members.edges.length === 2)).toBe(true);
      return app.queries.count;
    };
    const small = await countFor(2);
    const large = await countFor(12);
    expect(large).toBe(small);
    expect(small).toBeLessThan(25);
  });
});
