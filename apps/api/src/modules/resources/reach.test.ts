import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, type Cast, type TestUser } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
let owner: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  owner = await makeUser(app, { permissions: ['resources.create'] });
});
afterAll(() => app.close());

const REACH = `query ($u: ID) { resources(userId: $u, first: 50) { edges { node { id name accessExplanation(userId: $u) { level reasons { kind level group { name } expiresAt } } } } } }`;
type Reach = { resources: { edges: { node: { id: string; name: string; accessExplanation: { level: string; reasons: { kind: string; level: string; group: { name: string } | null; expiresAt: string | null }[] } } }[] } };
const create = async (name: string) => (await app.gql<{ createResource: { id: string } }>('mutation ($n: String!) { createResource(input: { kind: "document", name: $n }) { id } }', { n: name }, owner.as)).data!.createResource.id;

describe('what a person can reach, with the reasons (Resource.accessExplanation, issue 21)', () => {
  it('each resource of resources(userId:) comes with every path that gives it, as explainAccess answers', async () => {
    const person = await makeUser(app);
    const team = await makeGroup(app, { name: `Reach team ${Date.now()}`, shareable: 'ANYONE', members: [person.user.id] });
    const viaGroup = await create('Reach via group');
    const viaBoth = await create('Reach via both');
    await create('Reach never');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: viaGroup, g: team.id }, owner.as);
    await app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: viaBoth, g: team.id }, owner.as);
    await app.gql('mutation ($r: ID!, $u: ID, $e: DateTime) { grantAccess(resourceId: $r, userId: $u, level: WRITE, expiresAt: $e) { id } }', { r: viaBoth, u: person.user.id, e: until }, owner.as);

    const result = await app.gql<Reach>(REACH, { u: person.user.id }, cast.admin.as);
    expect(result.errors).toBeUndefined();
    const byName = new Map(result.data!.resources.edges.map((e) => [e.node.name, e.node.accessExplanation]));
    expect([...byName.keys()].sort()).toEqual(['Reach via both', 'Reach via group']);
    expect(byName.get('Reach via group')).toEqual({ level: 'READ', reasons: [{ kind: 'GROUP_GRANT', level: 'READ', group: { name: team.name }, expiresAt: null }] });
    const both = byName.get('Reach via both')!;
    expect(both.level).toBe('WRITE');
    expect(both.reasons.map((r) => r.kind).sort()).toEqual(['GROUP_GRANT', 'USER_GRANT']);
    // The same answer explainAccess gives, path for path.
    const explained = await app.gql<{ explainAccess: unknown }>('query ($r: ID!, $u: ID) { explainAccess(resourceId: $r, userId: $u) { level reasons { kind level group { name } expiresAt } } }', { r: viaBoth, u: person.user.id }, cast.admin.as);
    expect(explained.data!.explainAccess).toEqual(both);
    // accessReasons: the same paths, one level less deep (for lists).
    const flat = await app.gql<{ resources: { edges: { node: { name: string; accessReasons: unknown[] } }[] } }>(
      'query ($u: ID) { resources(userId: $u) { edges { node { name accessReasons(userId: $u) { kind level group { name } expiresAt } } } } }',
      { u: person.user.id },
      cast.admin.as,
    );
    expect(new Map(flat.data!.resources.edges.map((e) => [e.node.name, e.node.accessReasons])).get('Reach via both')).toEqual(both.reasons);
  });

  it('explains a page in a fixed number of statements, not one per resource', async () => {
    const person = await makeUser(app);
    const team = await makeGroup(app, { shareable: 'ANYONE', members: [person.user.id] });
    for (let i = 0; i < 8; i++) {
      const id = await create(`Batch ${i}`);
      await app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: id, g: team.id }, owner.as);
    }
    const statements = async (query: string) => {
      await app.gql(query, { u: person.user.id }, cast.admin.as); // warm-up: same path, not counted
      app.queries.reset();
      const result = await app.gql<Reach>(query, { u: person.user.id }, cast.admin.as);
      expect(result.errors).toBeUndefined();
      return { statements: app.queries.count, rows: result.data!.resources.edges.length };
    };
    const few = await statements(REACH.replace('first: 50', 'first: 2'));
    const many = await statements(REACH);
    expect([few.rows, many.rows]).toEqual([2, 8]);
    expect(many.statements).toBe(few.statements);
  });

  it('matrix: asking about someone else needs access.check (admins hold it); about yourself, anyone', async () => {
    const person = await makeUser(app);
    await expectMatrix(app, cast, REACH, () => ({ u: person.user.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    await expectMatrix(app, cast, 'query ($u: ID) { resources(userId: $u, first: 5) { edges { node { accessReasons(userId: $u) { kind } } } } }', () => ({ u: person.user.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
    await expectMatrix(app, cast, '{ resources(first: 5) { edges { node { accessExplanation { level } accessReasons { kind } } } } }', () => ({}), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });
});
