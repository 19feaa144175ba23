import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGroup, makeUser, type TestUser } from './factories';
import { startTestApp, type GqlResult, type TestApp } from './harness';

/**
 * Many concurrent changes of ONE row, with the pool at its smallest (one connection). A change
 * holds its transaction's connection from start to commit; any statement it sent through anything
 * else would wait for a second connection that never comes free — on PostgreSQL the call, every
 * call after it and /healthz would never answer. Here every call must answer: done, or refused
 * with the error its state calls for (a grant already revoked, a group already full), never an
 * INTERNAL_SERVER_ERROR. On SQLite (one connection, transactions queued) the same calls must
 * answer alike.
 */

let app: TestApp;
let owner: TestUser;
let admin: TestUser;
let people: TestUser[];
beforeAll(async () => {
  app = await startTestApp({ DB_POOL_SIZE: '1' });
  owner = await makeUser(app, { permissions: ['resources.create'] });
  admin = await makeUser(app, { isAdmin: true });
  people = [];
  for (let i = 0; i < 10; i++) people.push(await makeUser(app));
});
afterAll(() => app.close());

const CONCURRENT = 50;

/** The codes a call may answer with when its row's state refuses it; anything else fails. */
function expectAnswered(results: GqlResult<unknown>[], allowed: Record<string, string[]>): void {
  const codes = results.map((r) => (r.errors?.length ? String(r.errors[0]!.extensions?.['code']) : 'OK'));
  const unexpected = codes.filter((c) => !['OK', ...Object.keys(allowed)].includes(c));
  expect(unexpected, JSON.stringify(results.find((r) => r.errors && !Object.keys(allowed).includes(String(r.errors[0]!.extensions?.['code'])))?.errors)).toEqual([]);
  for (const r of results) expect(r.status).toBeLessThan(500);
  for (const [code, reasons] of Object.entries(allowed)) {
    for (const r of results.filter((x) => x.errors?.[0]?.extensions?.['code'] === code)) {
      expect(reasons).toContain(r.errors![0]!.extensions?.['reason'] ?? r.errors![0]!.message);
    }
  }
  expect(codes.filter((c) => c === 'OK').length).toBeGreaterThan(0);
}

/** /healthz while the batch runs and after it: it needs the one connection too. */
async function healthy(): Promise<number> {
  return (await app.fetch('/healthz')).status;
}

describe('with one pooled connection, concurrent edits of one row all answer', () => {
  it('resources: grantAccess, updateResource and revokeAccess mixed, 50 at once', async () => {
    const created = await app.gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "document", name: "Shared" }) { id } }', {}, owner.as);
    const resourceId = created.data!.createResource.id;
    const GRANT = 'mutation ($r: ID!, $u: ID!, $l: AccessLevel!) { grantAccess(resourceId: $r, userId: $u, level: $l) { id } }';
    const grants: string[] = [];
    for (const person of people.slice(0, 5)) {
      grants.push((await app.gql<{ grantAccess: { id: string } }>(GRANT, { r: resourceId, u: person.user.id, l: 'READ' }, owner.as)).data!.grantAccess.id);
    }
    const calls = Array.from({ length: CONCURRENT }, (_, i) => {
      const as = i % 2 === 0 ? owner.as : admin.as;
      if (i % 3 === 0) return app.gql(GRANT, { r: resourceId, u: people[5 + (i % 5)]!.user.id, l: i % 2 ? 'READ' : 'WRITE' }, as);
      if (i % 3 === 1) return app.gql('mutation ($id: ID!, $n: String!) { updateResource(id: $id, input: { name: $n }) { id name } }', { id: resourceId, n: `Shared ${i}` }, as);
      // Each of the five grants is revoked by several calls at once: one removes it, the others find it gone.
      return app.gql('mutation ($g: ID!) { revokeAccess(grantId: $g) }', { g: grants[i % 5] }, as);
    });
    const during = healthy();
    const results = await Promise.all(calls);
    expectAnswered(results, { NOT_FOUND: ['No grant has this id.'] });
    expect(results.filter((r, i) => i % 3 === 2 && !r.errors)).toHaveLength(5);
    expect(await during).toBe(200);
    expect(await healthy()).toBe(200);

    const after = await app.gql<{ resource: { grants: { user: { id: string } }[] } }>('query ($id: ID!) { resource(id: $id) { grants { user { id } } } }', { id: resourceId }, owner.as);
    expect(after.data!.resource.grants.map((g) => g.user.id).sort()).toEqual(people.slice(5).map((p) => p.user.id).sort());
  }, 60_000);

  it('groups: updateGroup, addGroupMembers, removeGroupMembers, setGroupLeaders, joinGroup and leaveGroup mixed, 50 at once', async () => {
    const group = await makeGroup(app, { open: true, public: true, maxMembers: 8 });
    const calls = Array.from({ length: CONCURRENT }, (_, i) => {
      const person = people[i % people.length]!;
      switch (i % 6) {
        case 0:
          return app.gql('mutation ($id: ID!, $d: String!) { updateGroup(id: $id, input: { description: $d }) { id } }', { id: group.id, d: `Edit ${i}` }, admin.as);
        case 1:
          // Permissions are read from the catalog inside the change's own transaction.
          return app.gql('mutation ($id: ID!, $p: [String!]!) { updateGroup(id: $id, input: { permissions: $p }) { id } }', { id: group.id, p: i % 4 === 1 ? ['groups.request'] : [] }, admin.as);
        case 2:
          return app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { user { id } } }', { g: group.id, u: [person.user.id] }, admin.as);
        case 3:
          return app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group.id, u: [person.user.id] }, admin.as);
        case 4:
          return app.gql('mutation ($g: ID!, $u: [ID!]!) { setGroupLeaders(groupId: $g, userIds: $u, groupIds: []) { id } }', { g: group.id, u: [person.user.id] }, admin.as);
        default:
          return i % 12 === 5
            ? app.gql('mutation ($g: ID!) { joinGroup(groupId: $g) { outcome } }', { g: group.id }, person.as)
            : app.gql('mutation ($g: ID!) { leaveGroup(groupId: $g) { outcome } }', { g: group.id }, person.as);
      }
    });
    const during = healthy();
    const results = await Promise.all(calls);
    expectAnswered(results, { CONFLICT: ['GROUP_FULL'] });
    expect(await during).toBe(200);
    expect(await healthy()).toBe(200);
    const after = await app.gql<{ group: { description: string } }>('query ($id: ID!) { group(id: $id) { description } }', { id: group.id }, admin.as);
    expect(after.data!.group.description).toMatch(/^Edit \d+$/);
  }, 60_000);
});
