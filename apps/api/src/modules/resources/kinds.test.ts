import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { MembershipEntity } from '../memberships/membership.entity';
import { GrantEntity } from './grant.entity';

let app: TestApp;
let cast: Cast;
let owner: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  owner = await makeUser(app, { permissions: ['resources.create'] });
});
afterAll(() => app.close());

const KINDS = '{ resourceKinds }';
const kindsOf = async (as: TestUser) => {
  const result = await app.gql<{ resourceKinds: string[] }>(KINDS, {}, as.as);
  expect(result.errors).toBeUndefined();
  return result.data!.resourceKinds;
};
const create = async (kind: string, visibility = 'PRIVATE') =>
  (await app.gql<{ createResource: { id: string } }>('mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }', { i: { kind, name: `${kind} ${Date.now()}`, visibility } }, owner.as)).data!
    .createResource.id;
const grant = async (resourceId: string, principal: { userId?: string; groupId?: string }) =>
  (await app.gql<{ grantAccess: { id: string } }>('mutation ($r: ID!, $u: ID, $g: ID) { grantAccess(resourceId: $r, userId: $u, groupId: $g, level: READ) { id } }', { r: resourceId, u: principal.userId, g: principal.groupId }, owner.as))
    .data!.grantAccess.id;

describe('resourceKinds: the kind filter’s choices (issue 21)', () => {
  it('asks for a signed-in viewer, like resources', async () => {
    expect(outcome(await app.gql(KINDS))).toBe('UNAUTHENTICATED');
    for (const as of [cast.user, cast.leader, cast.manager, cast.admin]) expect(outcome(await app.gql(KINDS, {}, as.as))).toBe('OK');
  });

  it('names only the kinds of resources the viewer reaches — by grant, group, ownership or PUBLIC — sorted and once each', async () => {
    const person = await makeUser(app);
    const team = await makeGroup(app, { shareable: 'ANYONE' });
    await addMember(app, team.id, person.user.id);
    const viaUser = await create('model');
    await create('model');
    const viaGroup = await create('dataset');
    await create('public-notes', 'PUBLIC');
    await create('secret-tool');
    await grant(viaUser, { userId: person.user.id });
    await grant(viaGroup, { groupId: team.id });

    expect(await kindsOf(person)).toEqual(['dataset', 'model', 'public-notes']);
    // The owner reaches everything it registered; an administrator every kind there is.
    expect(await kindsOf(owner)).toEqual(['dataset', 'model', 'public-notes', 'secret-tool']);
    expect(await kindsOf(cast.admin)).toEqual(['dataset', 'model', 'public-notes', 'secret-tool']);
    // Someone with no path sees the PUBLIC kinds alone.
    expect(await kindsOf(await makeUser(app))).toEqual(['public-notes']);
  });

  it('drops a kind once the only path to it has expired or ended', async () => {
    const person = await makeUser(app);
    const team = await makeGroup(app, { shareable: 'ANYONE' });
    await addMember(app, team.id, person.user.id);
    const byGrant = await create('lapsing-grant');
    const byGroup = await create('lapsing-group');
    const grantId = await grant(byGrant, { userId: person.user.id });
    await grant(byGroup, { groupId: team.id });
    expect(await kindsOf(person)).toEqual(expect.arrayContaining(['lapsing-grant', 'lapsing-group']));

    const past = new Date(Date.now() - 1000);
    await app.dataSource.manager.update(GrantEntity, { id: grantId }, { expiresAt: past });
    await app.dataSource.manager.update(MembershipEntity, { groupId: team.id, userId: person.user.id }, { expiresAt: past });
    const after = await kindsOf(person);
    expect(after).not.toContain('lapsing-grant');
    expect(after).not.toContain('lapsing-group');
  });
});
