import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
let sharer: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  sharer = await makeUser(app, { displayName: 'Sam Sharer', permissions: ['resources.create'] });
});
afterAll(() => app.close());

const SHARE_FIELDS = 'query ($id: ID!) { group(id: $id) { viewerCanShare viewerShareRefusal } }';
type ShareFields = { group: { viewerCanShare: boolean; viewerShareRefusal: string | null } | null };
const shareFields = async (groupId: string, as: TestUser['as']) => (await app.gql<ShareFields>(SHARE_FIELDS, { id: groupId }, as)).data!.group!;
const makeResource = async () =>
  (await app.gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "document", name: "Shared doc" }) { id } }', {}, sharer.as)).data!.createResource.id;

describe('the share picker: which groups may I share with, and why not (SPEC §11, issue 21)', () => {
  it('answers by the group’s consent, the same rule grantAccess applies', async () => {
    const anyone = await makeGroup(app, { shareable: 'ANYONE', public: true });
    const members = await makeGroup(app, { shareable: 'MEMBERS', public: true, members: [sharer.user.id] });
    const strangers = await makeGroup(app, { shareable: 'MEMBERS', public: true });
    const nobody = await makeGroup(app, { shareable: 'NOBODY', public: true, members: [sharer.user.id] });
    expect(await shareFields(anyone.id, sharer.as)).toEqual({ viewerCanShare: true, viewerShareRefusal: null });
    expect(await shareFields(members.id, sharer.as)).toEqual({ viewerCanShare: true, viewerShareRefusal: null });
    expect(await shareFields(strangers.id, sharer.as)).toEqual({ viewerCanShare: false, viewerShareRefusal: 'accepts shares only from its own members, and you are not one' });
    expect(await shareFields(nobody.id, sharer.as)).toEqual({ viewerCanShare: false, viewerShareRefusal: 'accepts shares only from administrators' });
    for (const g of [anyone, members, strangers, nobody]) expect((await shareFields(g.id, cast.admin.as)).viewerCanShare).toBe(true);

    // The picker's answer is the mutation's answer.
    const resource = await makeResource();
    const grant = (groupId: string) => app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: resource, g: groupId }, sharer.as);
    for (const g of [anyone, members, strangers, nobody]) {
      expect(outcome(await grant(g.id)), g.name).toBe((await shareFields(g.id, sharer.as)).viewerCanShare ? 'OK' : 'FORBIDDEN');
    }
  });

  it('field matrix: every signed-in viewer gets their own answer', async () => {
    const group = await makeGroup(app, { shareable: 'MEMBERS', public: true, leaders: [cast.leader.user.id] });
    await addMember(app, group.id, cast.user.user.id);
    await expectMatrix(app, cast, SHARE_FIELDS, () => ({ id: group.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    expect((await shareFields(group.id, cast.user.as)).viewerCanShare).toBe(true);
    expect((await shareFields(group.id, cast.leader.as)).viewerCanShare).toBe(false); // leading is not membership
    expect((await shareFields(group.id, cast.manager.as)).viewerCanShare).toBe(false);
    expect((await shareFields(group.id, cast.admin.as)).viewerCanShare).toBe(true);
  });

  it('a refused share names every refused group, in plain words', async () => {
    const ops = await makeGroup(app, { name: `Ops ${Date.now()}`, shareable: 'NOBODY' });
    const platform = await makeGroup(app, { name: `Platform ${Date.now()}`, shareable: 'MEMBERS' });
    const resource = await makeResource();
    const refused = await app.gql('mutation ($r: ID!, $i: AccessControlInput!) { setResourceAccess(resourceId: $r, input: $i) { id } }', { r: resource, i: { visibility: 'PRIVATE', read: { groupIds: [ops.id, platform.id] }, write: {} } }, sharer.as);
    expect(outcome(refused)).toBe('FORBIDDEN');
    const error = refused.errors![0]!;
    expect(error.extensions?.['reason']).toBe('NOT_SHAREABLE');
    expect(error.message).toContain(ops.name);
    expect(error.message).toContain(platform.name);
    expect(error.message).toContain(`${ops.name} accepts shares only from administrators`);
    expect(error.message).toContain(`${platform.name} accepts shares only from its own members, and you are not one`);
    expect(error.message).not.toMatch(/NOBODY|MEMBERS|ANYONE|shareable/);
    expect((error.extensions?.['details'] as { groupId: string }[]).map((d) => d.groupId).sort()).toEqual([ops.id, platform.id].sort());
  });
});
