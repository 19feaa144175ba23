import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, newId, outcome, type Cast, type TestUser } from '../../../test/factories';
import { MembershipEntity } from '../memberships/membership.entity';
import { GrantEntity } from './grant.entity';

let app: TestApp;
let cast: Cast;
let creator: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  creator = await makeUser(app, { permissions: ['resources.create'] });
});
afterAll(() => app.close());

const CREATE = 'mutation ($i: CreateResourceInput!) { createResource(input: $i) { id kind owner { id } visibility viewerLevel } }';
const SET = 'mutation ($r: ID!, $i: AccessControlInput!) { setResourceAccess(resourceId: $r, input: $i) { id visibility grants { level user { id } group { id } } } }';
let n = 0;
const make = async (as = creator) => (await app.gql<{ createResource: { id: string } }>(CREATE, { i: { kind: 'document', name: `Doc ${n++}` } }, as.as)).data!.createResource.id;
const access = (visibility: string, read: object = {}, write: object = {}) => ({ visibility, read, write });

describe('resources: registering and editing', () => {
  it('createResource matrix: holders of resources.create (and admins); the creator owns it at WRITE', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ i: { kind: 'model', name: `M${n++}` } }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    const made = await app.gql<{ createResource: { owner: { id: string }; viewerLevel: string } }>(CREATE, { i: { kind: 'model', name: 'Mine' } }, creator.as);
    expect(made.data?.createResource).toMatchObject({ owner: { id: creator.user.id }, viewerLevel: 'WRITE' });
  });

  it.each([
    ['a kind that is not a slug', { kind: 'Big Model', name: 'x' }, 'BAD_USER_INPUT'],
    ['an empty name', { kind: 'model', name: ' ' }, 'BAD_USER_INPUT'],
    ['a name over 200 characters', { kind: 'model', name: 'n'.repeat(201) }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_l, input, code) => {
    expect(outcome(await app.gql(CREATE, { i: input }, creator.as))).toBe(code);
  });

  it('externalId is unique per kind and finds the resource', async () => {
    await app.gql(CREATE, { i: { kind: 'tool', name: 'Search', externalId: 'tool-42' } }, creator.as);
    expect((await app.gql(CREATE, { i: { kind: 'tool', name: 'Again', externalId: 'tool-42' } }, creator.as)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTERNAL_ID_TAKEN' });
    expect(outcome(await app.gql(CREATE, { i: { kind: 'model', name: 'Other kind', externalId: 'tool-42' } }, creator.as))).toBe('OK');
    const found = await app.gql('{ resource(kind: "tool", externalId: "tool-42") { name } }', {}, creator.as);
    expect(found.data).toEqual({ resource: { name: 'Search' } });
  });

  it('updateResource: owner, admins and WRITE holders; READ holders are FORBIDDEN; others do not see it', async () => {
    const id = await make();
    await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [cast.user.user.id] }, { userIds: [cast.leader.user.id] }) }, creator.as);
    await expectMatrix(app, cast, 'mutation ($id: ID!) { updateResource(id: $id, input: { description: "new" }) { id } }', () => ({ id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'NOT_FOUND', admin: 'OK',
    });
  });

  it('deleteResource: owner and admins only; its grants go with it', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => make()));
    for (const id of ids) await app.gql(SET, { r: id, i: access('PRIVATE', {}, { userIds: [cast.leader.user.id, cast.user.user.id] }) }, creator.as);
    let i = 0;
    await expectMatrix(app, cast, 'mutation ($id: ID!) { deleteResource(id: $id) }', () => ({ id: ids[i++] }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'NOT_FOUND', admin: 'OK',
    });
    expect(await app.dataSource.manager.countBy(GrantEntity, { resourceId: ids[4]! })).toBe(0);
    expect(outcome(await app.gql('mutation ($id: ID!) { deleteResource(id: $id) }', { id: ids[1] }, creator.as))).toBe('OK');
  });
});

describe('setResourceAccess', () => {
  it('matrix: owner, admins and WRITE holders', async () => {
    const id = await make();
    await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [cast.user.user.id] }, { userIds: [cast.leader.user.id] }) }, creator.as);
    await expectMatrix(app, cast, SET, () => ({ r: id, i: access('PRIVATE', { userIds: [cast.user.user.id] }, { userIds: [cast.leader.user.id] }) }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'NOT_FOUND', admin: 'OK',
    });
  });

  it('replaces the whole list; someone in both lists gets WRITE; unknown principals refuse the call and change nothing', async () => {
    const id = await make();
    const group = await makeGroup(app, { shareable: 'ANYONE' });
    const set = await app.gql<{ setResourceAccess: { visibility: string; grants: { level: string; user: { id: string } | null; group: { id: string } | null }[] } }>(
      SET, { r: id, i: access('PUBLIC', { userIds: [cast.user.user.id], groupIds: [group.id] }, { userIds: [cast.user.user.id] }) }, creator.as);
    expect(set.data?.setResourceAccess.visibility).toBe('PUBLIC');
    expect(set.data?.setResourceAccess.grants.map((g) => [g.level, g.user?.id ?? g.group?.id]).sort()).toEqual([['READ', group.id], ['WRITE', cast.user.user.id]].sort());
    const bad = await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [newId()] }) }, creator.as);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await app.dataSource.manager.countBy(GrantEntity, { resourceId: id })).toBe(2);
  });

  it("a mutation's own access questions see its writes (not the epoch read when it signed in)", async () => {
    const id = await make();
    await app.gql(SET, { r: id, i: access('PRIVATE', {}, { userIds: [cast.leader.user.id] }) }, creator.as);
    // The access cache now holds the resource at the current epoch.
    expect((await app.gql('query ($r: ID!) { accessLevel(resourceId: $r) }', { r: id }, cast.leader.as)).data).toEqual({ accessLevel: 'WRITE' });
    const lowered = await app.gql(
      'mutation ($r: ID!, $i: AccessControlInput!) { setResourceAccess(resourceId: $r, input: $i) { viewerLevel } }',
      { r: id, i: access('PRIVATE', { userIds: [cast.leader.user.id] }) },
      cast.leader.as,
    );
    expect(lowered.data).toEqual({ setResourceAccess: { viewerLevel: 'READ' } });
    expect((await app.gql('query ($r: ID!) { accessLevel(resourceId: $r) }', { r: id }, cast.leader.as)).data).toEqual({ accessLevel: 'READ' });
  });

  it('group consent: NOBODY only admins; MEMBERS only members; ANYONE anyone who may edit', async () => {
    const id = await make();
    const nobody = await makeGroup(app, { shareable: 'NOBODY' });
    const members = await makeGroup(app, { shareable: 'MEMBERS' });
    expect((await app.gql(SET, { r: id, i: access('PRIVATE', { groupIds: [nobody.id] }) }, creator.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_SHAREABLE' });
    expect(outcome(await app.gql(SET, { r: id, i: access('PRIVATE', { groupIds: [members.id] }) }, creator.as))).toBe('FORBIDDEN');
    await app.dataSource.manager.insert(MembershipEntity, { userId: creator.user.id, groupId: members.id, source: 'ADDED' });
    expect(outcome(await app.gql(SET, { r: id, i: access('PRIVATE', { groupIds: [members.id] }) }, creator.as))).toBe('OK');
    const adminOwned = await make(cast.admin);
    expect(outcome(await app.gql(SET, { r: adminOwned, i: access('PRIVATE', { groupIds: [nobody.id] }) }, cast.admin.as))).toBe('OK');
  });
});

describe('the questions', () => {
  it('asking about another user needs access.check (or admin); about yourself is always fine', async () => {
    const id = await make();
    const q = 'query ($r: ID!, $u: ID) { checkAccess(resourceId: $r, userId: $u, level: READ) }';
    expect((await app.gql(q, { r: id, u: cast.user.user.id }, cast.user.as)).data).toEqual({ checkAccess: false });
    expect((await app.gql(q, { r: id, u: creator.user.id }, cast.user.as)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    expect((await app.gql(q, { r: id, u: creator.user.id }, cast.admin.as)).data).toEqual({ checkAccess: true });
    expect(outcome(await app.gql(q, { r: newId() }, cast.user.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(q, { r: 'bad' }, cast.user.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql('query ($r: ID!) { checkAccess(resourceId: $r, level: MAYBE) }', { r: id }, cast.user.as))).toBe('BAD_USER_INPUT');
  });

  it('resources counts only when asked, and counts right when asked through fragments', async () => {
    const reader = await makeUser(app);
    for (let i = 0; i < 3; i++) {
      const id = await make();
      await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [reader.user.id] }) }, creator.as);
    }
    // PUBLIC resources of other tests are readable too: the truth is the whole list.
    const all = await app.gql<{ resources: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>('{ resources(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }', {}, reader.as);
    expect(all.data?.resources.pageInfo.hasNextPage).toBe(false);
    const reachable = all.data!.resources.edges.length;
    expect(reachable).toBeGreaterThanOrEqual(3);
    const direct = await app.gql<{ resources: { totalCount: number; edges: unknown[] } }>('{ resources(first: 2) { totalCount edges { node { id } } } }', {}, reader.as);
    expect(direct.data?.resources.totalCount).toBe(reachable);
    expect(direct.data?.resources.edges).toHaveLength(2);
    const named = await app.gql<{ resources: { totalCount: number } }>('query { resources(first: 1) { ...Counted } } fragment Counted on ResourceConnection { totalCount }', {}, reader.as);
    expect(named.data?.resources.totalCount).toBe(reachable);
    const inline = await app.gql<{ resources: { totalCount: number } }>('{ resources(first: 1) { ... on ResourceConnection { totalCount } } }', {}, reader.as);
    expect(inline.data?.resources.totalCount).toBe(reachable);
    const pageOnly = await app.gql<{ resources: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>('{ resources(first: 2) { edges { node { id } } pageInfo { hasNextPage } } }', {}, reader.as);
    expect(pageOnly.data?.resources.edges).toHaveLength(2);
    expect(pageOnly.data?.resources.pageInfo.hasNextPage).toBe(true);
  });

  it('resources searches names (case-insensitive, % and _ literal) through every path, page by page', async () => {
    const reader = await makeUser(app, { permissions: ['resources.create'] });
    const group = await makeGroup(app, { shareable: 'ANYONE', members: [reader.user.id] });
    const tag = `qx${Date.now().toString(36)}`;
    const named = async (name: string, input: ReturnType<typeof access> | null, as = creator) => {
      const id = (await app.gql<{ createResource: { id: string } }>(CREATE, { i: { kind: 'document', name } }, as.as)).data!.createResource.id;
      if (input) await app.gql(SET, { r: id, i: input }, as.as);
      return id;
    };
    const viaGroup = await named(`${tag} Alpha report`, access('PRIVATE', { groupIds: [group.id] }));
    const viaUser = await named(`${tag} ALPHA plan`, access('PRIVATE', {}, { userIds: [reader.user.id] }));
    const open = await named(`${tag} public alpha`, access('PUBLIC'));
    await named(`${tag} alpha, not shared`, access('PRIVATE'));
    const beta = await named(`${tag} Beta report`, access('PRIVATE', { groupIds: [group.id] }));
    const percent = await named(`${tag} 100% alpha`, access('PRIVATE', { userIds: [reader.user.id] }));
    const mine = await named(`${tag} my alpha`, null, reader);
    /** Every page of the search, one resource per page, checking totalCount against what the pages held. */
    const search = async (term: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      let total = -1;
      do {
        type Page = { resources: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
        const page: Page = (await app.gql<never>('query ($s: String, $a: String) { resources(filter: { search: $s }, first: 1, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }', { s: term, a: after }, reader.as)).data!;
        ids.push(...page.resources.edges.map((e) => e.node.id));
        total = page.resources.totalCount;
        after = page.resources.pageInfo.hasNextPage ? page.resources.pageInfo.endCursor : null;
      } while (after);
      expect(total).toBe(ids.length);
      return ids;
    };
    // In name order; "alpha, not shared" is never reachable.
    expect(await search(tag)).toEqual([percent, viaUser, viaGroup, beta, mine, open]);
    expect(await search(`${tag.toUpperCase()} ALPHA`)).toEqual([viaUser, viaGroup]);
    expect(await search('% alpha')).toEqual([percent]);
    expect(await search(`${tag} %`)).toEqual([]);
    expect(await search(`${tag}_`)).toEqual([]);
    expect(await search(`${tag} public`)).toEqual([open]);
  });

  it('explainAccess lists every path, with the group and the grant', async () => {
    const id = await make();
    const group = await makeGroup(app, { shareable: 'ANYONE', members: [cast.user.user.id] });
    await app.gql(SET, { r: id, i: access('PUBLIC', { groupIds: [group.id] }, { userIds: [cast.user.user.id] }) }, creator.as);
    const e = await app.gql<{ explainAccess: { level: string; reasons: { kind: string; level: string; group: { id: string } | null; grant: { id: string } | null }[] } }>(
      'query ($r: ID!) { explainAccess(resourceId: $r) { level reasons { kind level group { id } grant { id } } } }', { r: id }, cast.user.as);
    expect(e.data?.explainAccess.level).toBe('WRITE');
    expect(e.data?.explainAccess.reasons.map((r) => [r.kind, r.level, r.group?.id ?? null]).sort()).toEqual([['GROUP_GRANT', 'READ', group.id], ['PUBLIC', 'READ', null], ['USER_GRANT', 'WRITE', null]].sort());
    expect(e.data?.explainAccess.reasons.filter((r) => r.kind.endsWith('GRANT')).every((r) => r.grant)).toBe(true);
  });

  it('no stale answers: a revocation, a leave and an expiry show on the very next request', async () => {
    const id = await make();
    const group = await makeGroup(app, { shareable: 'ANYONE', open: true, members: [cast.user.user.id] });
    await app.gql(SET, { r: id, i: access('PRIVATE', { groupIds: [group.id] }) }, creator.as);
    const level = async () => (await app.gql<{ accessLevel: string }>('query ($r: ID!) { accessLevel(resourceId: $r) }', { r: id }, cast.user.as)).data?.accessLevel;
    expect(await level()).toBe('READ');
    await app.gql('mutation ($g: ID!) { leaveGroup(groupId: $g) { outcome } }', { g: group.id }, cast.user.as);
    expect(await level()).toBe('NONE');
    const grant = await app.gql<{ grantAccess: { id: string } }>('mutation ($r: ID!, $u: ID) { grantAccess(resourceId: $r, userId: $u, level: WRITE) { id } }', { r: id, u: cast.user.user.id }, creator.as);
    expect(await level()).toBe('WRITE');
    await app.dataSource.manager.update(GrantEntity, { id: grant.data!.grantAccess.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await level()).toBe('NONE');
    await app.dataSource.manager.update(GrantEntity, { id: grant.data!.grantAccess.id }, { expiresAt: null });
    expect(await level()).toBe('WRITE');
    expect((await app.gql('mutation ($g: ID!) { revokeAccess(grantId: $g) }', { g: grant.data!.grantAccess.id }, creator.as)).data).toEqual({ revokeAccess: true });
    expect(await level()).toBe('NONE');
  });

  it('the bulk check refuses an empty or oversized batch', async () => {
    expect(outcome(await app.gql('{ checkAccessMany(checks: []) }', {}, cast.admin.as))).toBe('BAD_USER_INPUT');
    const id = await make();
    const many = Array.from({ length: 501 }, () => ({ resourceId: id, level: 'READ' }));
    expect(outcome(await app.gql('query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }', { c: many }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('the bulk check answers in order, is NOT_FOUND for unknown or malformed resource ids, and needs access.check for others', async () => {
    const id = await make();
    await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [cast.user.user.id] }) }, creator.as);
    const BULK = 'query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }';
    const checker = await makeUser(app, { permissions: ['access.check'] });
    const ask = (c: unknown[], who = checker) => app.gql<{ checkAccessMany: boolean[] }>(BULK, { c }, who.as);
    const answer = await ask([
      { userId: cast.user.user.id, resourceId: id, level: 'READ' },
      { userId: cast.user.user.id, resourceId: id.toUpperCase(), level: 'WRITE' },
      { userId: creator.user.id, resourceId: id, level: 'WRITE' },
      { userId: 'not-a-user', resourceId: id, level: 'READ' },
      { resourceId: id, level: 'READ' },
    ]);
    expect(answer.data?.checkAccessMany).toEqual([true, false, true, false, false]);
    const unknown = '00000000-0000-4000-8000-000000000001';
    for (const resourceId of [unknown, 'not-an-id']) {
      const refused = await ask([{ userId: cast.user.user.id, resourceId: id, level: 'READ' }, { userId: cast.user.user.id, resourceId, level: 'READ' }]);
      expect(outcome(refused)).toBe('NOT_FOUND');
      expect(refused.errors?.[0]?.message).toContain(resourceId);
    }
    expect(outcome(await ask([{ userId: creator.user.id, resourceId: id, level: 'READ' }], cast.user))).toBe('FORBIDDEN');
    // every path reads an id the same way, whatever its letter case
    const single = await app.gql<{ accessLevel: string; explainAccess: { level: string }; checkAccess: boolean }>(
      'query ($r: ID!, $u: ID) { accessLevel(resourceId: $r, userId: $u) explainAccess(resourceId: $r, userId: $u) { level } checkAccess(resourceId: $r, userId: $u, level: READ) }',
      { r: id.toUpperCase(), u: cast.user.user.id.toUpperCase() },
      checker.as,
    );
    expect(single.data).toEqual({ accessLevel: 'READ', explainAccess: { level: 'READ' }, checkAccess: true });
    // about yourself, no permission is needed
    expect((await ask([{ resourceId: id, level: 'READ' }], cast.user)).data?.checkAccessMany).toEqual([true]);
  });
});

describe('who can reach a resource', () => {
  it('lists owner, user grants and members of granted groups with their levels, by name; only for editors', async () => {
    const id = await make();
    const member = await makeUser(app, { displayName: 'Aaron Via Group' });
    const group = await makeGroup(app, { shareable: 'ANYONE', members: [member.user.id] });
    await app.gql(SET, { r: id, i: access('PRIVATE', { groupIds: [group.id] }, { userIds: [cast.user.user.id] }) }, creator.as);
    const q = 'query ($r: ID!) { resource(id: $r) { accessors(first: 100) { totalCount edges { node { level user { id } } } } } }';
    const result = await app.gql<{ resource: { accessors: { totalCount: number; edges: { node: { level: string; user: { id: string } } }[] } } }>(q, { r: id }, creator.as);
    const levels = Object.fromEntries(result.data!.resource.accessors.edges.map((e) => [e.node.user.id, e.node.level]));
    expect(levels[creator.user.id]).toBe('WRITE');
    expect(levels[cast.user.user.id]).toBe('WRITE');
    expect(levels[member.user.id]).toBe('READ');
    expect(levels[cast.admin.user.id]).toBe('WRITE'); // admin bypass
    const asReader = await app.gql<{ resource: { accessors: { totalCount: number } } }>(q, { r: id }, member.as);
    expect(asReader.data?.resource.accessors.totalCount).toBe(0);
  });
});

describe('admin bypass', () => {
  it('switching settings.adminBypass off takes effect on the very next check (no stale cache)', async () => {
    const id = await make();
    const level = async () => (await app.gql<{ accessLevel: string }>('query ($r: ID!) { accessLevel(resourceId: $r) }', { r: id }, cast.admin.as)).data?.accessLevel;
    expect(await level()).toBe('WRITE');
    await app.gql('mutation { updateSettings(input: { adminBypass: false }) { adminBypass } }', {}, cast.admin.as);
    expect(await level()).toBe('NONE');
    await app.gql('mutation { updateSettings(input: { adminBypass: true }) { adminBypass } }', {}, cast.admin.as);
    expect(await level()).toBe('WRITE');
  });
});

describe('Resource.viewerCan', () => {
  it('edit for WRITE holders, own for the owner and admins', async () => {
    const id = await make();
    await app.gql(SET, { r: id, i: access('PRIVATE', { userIds: [cast.user.user.id] }, { userIds: [cast.leader.user.id] }) }, creator.as);
    const can = async (who: TestUser) => (await app.gql<{ resource: { viewerCan: { edit: boolean; own: boolean } } }>('query ($r: ID!) { resource(id: $r) { viewerCan { edit own } } }', { r: id }, who.as)).data?.resource.viewerCan;
    expect(await can(creator)).toEqual({ edit: true, own: true });
    expect(await can(cast.leader)).toEqual({ edit: true, own: false });
    expect(await can(cast.user)).toEqual({ edit: false, own: false });
    expect(await can(cast.admin)).toEqual({ edit: true, own: true });
  });
});
