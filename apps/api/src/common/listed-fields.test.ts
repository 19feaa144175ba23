import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../test/factories';
import { LISTED_GROUP_FIELDS } from '../modules/groups/group.type';
import { LISTED_USER_FIELDS, NAMED_USER_FIELDS } from '../modules/users/user.type';
import { LISTED_REQUEST_FIELDS } from '../modules/requests/request.type';

/**
 * The directory and the queue read groups and users as listed (fewer columns) when a page selects
 * only LISTED_GROUP_FIELDS / LISTED_USER_FIELDS of them, and the queue its requesters by name alone
 * (two columns) when it selects only NAMED_USER_FIELDS. The directory reads the viewer's pending
 * request as listed when only LISTED_REQUEST_FIELDS of it are selected, and the viewer's membership
 * as listed (what the group's facts need) when none of its fields is. Each such field must answer
 * exactly as it does from a whole row: the same page with one field beyond the set (which makes it
 * read whole rows) is the reference. A field added to a set without a selection here fails the
 * first test.
 */
const GROUP_SELECTIONS: Record<string, string> = {
  id: 'id', name: 'name', internal: 'internal', hidden: 'hidden', open: 'open', public: 'public', restricted: 'restricted', system: 'system',
  builtIn: 'builtIn', maxMembers: 'maxMembers', joinPath: 'joinPath', memberCount: 'memberCount', full: 'full', permissions: 'permissions', pendingRequestCount: 'pendingRequestCount',
  viewerCan: 'viewerCan { join requestJoin leave requestLeave decideRequests manageMembers addMembers removeMembers update changeExpiry requestExtension setPermissions setLeaders readHistory listMembers delete }',
  viewerMembership: 'viewerMembership { source createdAt expiresAt }',
  // The nested group is read through the group loader: a listed group must not have been primed into it.
  viewerPendingRequest: 'viewerPendingRequest { id kind createdAt group { id name description metadata createdAt } }',
  leaders: 'leaders { id displayName email }',
  leaderGroups: 'leaderGroups { id name description }',
  members: 'members(first: 5) { totalCount edges { node { source createdAt } } }',
};
const REQUEST_SELECTIONS: Record<string, string> = {
  id: 'id', kind: 'kind', status: 'status',
  // Both are read through loaders from the request's user and group, which a listed request knows.
  user: 'user { id displayName }', group: 'group { id name description }',
};
const USER_SELECTIONS: Record<string, string> = {
  id: 'id', displayName: 'displayName', kind: 'kind', isActive: 'isActive', isAdmin: 'isAdmin',
  viewerCan: 'viewerCan { update setEmail setActive setAdmin setPermissions resetPassword createToken delete }',
};

let app: TestApp;
let cast: Cast;
let asker: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app, { name: 'Listed Queue' });
  asker = await makeUser(app, { displayName: 'Listed Asker' });
  const leaderGroup = await makeGroup(app, { name: 'Listed Leaders', members: [cast.user.user.id] });
  const full = await makeGroup(app, { name: 'Listed Full', maxMembers: 1, members: [cast.user.user.id], permissions: ['groups.request'] });
  const admin = async (mutation: string, variables: Record<string, unknown>) => expect((await app.gql(mutation, variables, cast.admin.as)).errors).toBeUndefined();
  // A membership that ends (the group's facts tell viewerCan so: changeExpiry, requestExtension).
  const ending = await makeGroup(app, { name: 'Listed Ending' });
  await admin('mutation ($g: ID!, $u: [ID!]!, $e: DateTime) { addGroupMembers(groupId: $g, userIds: $u, expiresAt: $e) { source } }', { g: ending.id, u: [cast.user.user.id], e: new Date(Date.now() + 86_400_000).toISOString() });
  await admin('mutation ($id: ID!) { updateGroup(id: $id, input: { description: "one seat", metadata: { seats: 1 } }) { id } }', { id: full.id });
  await admin('mutation ($id: ID!, $u: [ID!]!, $g: [ID!]!) { setGroupLeaders(groupId: $id, userIds: $u, groupIds: $g) { id } }', { id: full.id, u: [cast.leader.user.id], g: [leaderGroup.id] });
  await makeGroup(app, { name: 'Listed Open', open: true, public: true });
  await makeGroup(app, { name: 'Listed Hidden', hidden: true, members: [cast.user.user.id] });
  // A pending request of the viewer's own, and one in the leader's queue.
  await app.gql('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "please") { outcome } }', { g: cast.group.id }, cast.user.as);
  await app.gql('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "me too") { outcome } }', { g: cast.group.id }, asker.as);
});
afterAll(() => app.close());

type Nodes = { edges: { node: Record<string, unknown> }[] };
const without = (nodes: Nodes, key: string) => nodes.edges.map((e) => Object.fromEntries(Object.entries(e.node).filter(([k]) => k !== key)));

async function page<T>(query: string, who: TestUser): Promise<T> {
  const result = await app.gql<T>(query, {}, who.as);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('listed columns answer as whole rows do', () => {
  it('every listed field has a selection here', () => {
    expect([...LISTED_GROUP_FIELDS].filter((f) => f !== '__typename').sort()).toEqual(Object.keys(GROUP_SELECTIONS).sort());
    expect([...LISTED_USER_FIELDS].filter((f) => f !== '__typename').sort()).toEqual(Object.keys(USER_SELECTIONS).sort());
    expect([...LISTED_REQUEST_FIELDS].filter((f) => f !== '__typename').sort()).toEqual(Object.keys(REQUEST_SELECTIONS).sort());
    // The named fields are listed ones: their selections below run the queue with `user { id <field> }`.
    expect([...NAMED_USER_FIELDS].filter((f) => !LISTED_USER_FIELDS.has(f))).toEqual([]);
  });

  it.each(['user', 'leader', 'manager', 'admin'] as const)('the directory, for the %s', async (role) => {
    const who = cast[role];
    for (const [field, selection] of Object.entries(GROUP_SELECTIONS)) {
      const query = (extra: string) => `{ groups(filter: { search: "listed" }, first: 20) { edges { node { id ${selection} ${extra} } } } }`;
      const listed = await page<{ groups: Nodes }>(query(''), who);
      const whole = await page<{ groups: Nodes }>(query('description'), who);
      expect(listed.groups.edges.length, field).toBeGreaterThan(0);
      expect(without(listed.groups, 'description'), field).toEqual(without(whole.groups, 'description'));
    }
  });

  it.each(['user', 'leader', 'manager', 'admin'] as const)("the directory's own request and membership of the viewer, for the %s", async (role) => {
    const who = cast[role];
    const query = (selection: string) => `{ groups(filter: { search: "listed" }, first: 20) { edges { node { id ${selection} } } } }`;
    type Directory = { groups: { edges: { node: Record<string, unknown> }[] } };
    // Selecting the request's createdAt reads whole requests; selecting the membership reads whole memberships.
    const strip = (d: Directory) => d.groups.edges.map(({ node }) => ({ ...node, viewerPendingRequest: node['viewerPendingRequest'] && { ...(node['viewerPendingRequest'] as object), createdAt: undefined }, viewerMembership: undefined }));
    for (const [field, selection] of Object.entries(REQUEST_SELECTIONS)) {
      const listed = await page<Directory>(query(`viewerPendingRequest { ${selection} }`), who);
      const whole = await page<Directory>(query(`viewerPendingRequest { ${selection} createdAt }`), who);
      expect(strip(listed), field).toEqual(strip(whole));
      if (role === 'user') expect(listed.groups.edges.filter((e) => e.node['viewerPendingRequest']).length, field).toBe(1);
    }
    const abilities = `viewerCan { ${GROUP_SELECTIONS['viewerCan']!.slice('viewerCan { '.length)} full memberCount`;
    const listed = await page<Directory>(query(abilities), who);
    const whole = await page<Directory>(query(`${abilities} viewerMembership { source }`), who);
    expect(strip(listed)).toEqual(strip(whole));
    if (role === 'user') expect(whole.groups.edges.filter((e) => e.node['viewerMembership']).length).toBeGreaterThanOrEqual(4);
  });

  it.each(['leader', 'admin'] as const)("the queue's requesters and groups, for the %s", async (role) => {
    const who = cast[role];
    const queue = (user: string, group: string) => `{ groupRequests(first: 20) { edges { node { id user { id ${user} } group { id ${group} } } } } }`;
    type Queue = { groupRequests: { edges: { node: { user: Record<string, unknown>; group: Record<string, unknown> } }[] } };
    const strip = (q: Queue) => q.groupRequests.edges.map((e) => ({ user: { ...e.node.user, createdAt: undefined }, group: { ...e.node.group, description: undefined } }));
    for (const [field, selection] of Object.entries(USER_SELECTIONS)) {
      const listed = await page<Queue>(queue(selection, 'name'), who);
      const whole = await page<Queue>(queue(`${selection} createdAt`, 'name'), who);
      expect(listed.groupRequests.edges.length, field).toBe(2);
      expect(strip(listed), field).toEqual(strip(whole));
    }
    for (const [field, selection] of Object.entries(GROUP_SELECTIONS)) {
      const listed = await page<Queue>(queue('displayName', selection), who);
      const whole = await page<Queue>(queue('displayName', `${selection} description`), who);
      expect(strip(listed), field).toEqual(strip(whole));
    }
  });
});
