import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, type Cast, type TestUser } from '../../../test/factories';
import { ERROR_SCHEMA, GROUP_SCHEMA, oktaUser, patchOp, provisioner, scim, uniqueNames } from '../../../test/scim';
import { MembershipEntity } from '../memberships/membership.entity';

/**
 * ETags (RFC 7644 §3.14). ServiceProviderConfig advertises etag support, so the versions it hands
 * out are honoured: a PUT, PATCH or DELETE whose If-Match names an older version answers 412 and
 * changes nothing; the current version (or `*`, or no header) goes ahead; a GET whose
 * If-None-Match names the current version answers 304.
 */
let app: TestApp;
let cast: Cast;
let idp: TestUser;
let people: string[];
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  ({ idp, people } = await provisioner(app, 'Okta provisioning', 2, 'etag'));
});
afterAll(() => app.close());

const groupName = uniqueNames();
const ifMatch = (value: string) => ({ headers: { 'if-match': value } });
const members = (groupId: string) => app.dataSource.manager.countBy(MembershipEntity, { groupId });

describe('SPEC §19 SCIM ETags (If-Match, If-None-Match)', () => {
  it('advertises etag support', async () => {
    expect((await scim(app, idp.token, 'GET', '/ServiceProviderConfig')).body['etag']).toEqual({ supported: true });
  });

  it('Groups: a stale If-Match answers 412 and changes nothing; the current one, * or none go ahead', async () => {
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName('ETag group'), members: [] });
    const id = created.body['id'] as string;
    const v1 = created.body['meta']['version'] as string;
    expect(created.headers.get('etag')).toBe(v1);

    const added = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[0] }] }), ifMatch(v1));
    expect(added.status).toBe(200);
    const v2 = added.body['meta']['version'] as string;
    expect(v2).not.toBe(v1);

    // A second writer still holding v1 is refused, with a SCIM error, and nothing changes.
    const stale = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[1] }] }), ifMatch(v1));
    expect(stale.status).toBe(412);
    expect(stale.contentType).toContain('application/scim+json');
    expect(stale.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '412', detail: expect.stringContaining(v2) as string });
    expect(await members(id)).toBe(1);
    expect((await scim(app, idp.token, 'PUT', `/Groups/${id}`, { schemas: [GROUP_SCHEMA], displayName: groupName('stale put'), members: [] }, ifMatch(v1))).status).toBe(412);
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`, undefined, ifMatch(v1))).status).toBe(412);
    expect(await members(id)).toBe(1);

    // Any of several tags, strong or weak spelling of the current one, or *.
    expect((await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[1] }] }), ifMatch(`${v1}, ${v2.replace(/^W\//, '')}`))).status).toBe(200);
    expect(await members(id)).toBe(2);
    const put = await scim(app, idp.token, 'PUT', `/Groups/${id}`, { schemas: [GROUP_SCHEMA], displayName: groupName('any version'), members: [{ value: people[0] }] }, ifMatch('*'));
    expect(put.status).toBe(200);
    // Without If-Match the last writer wins, as before.
    const patched = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'replace', path: 'displayName', value: groupName('no header') }));
    expect(patched.status).toBe(200);
    const current = patched.body['meta']['version'] as string;
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`, undefined, ifMatch(v2))).status).toBe(412);
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`, undefined, ifMatch(current))).status).toBe(204);
    // The resource is gone: 404, not 412.
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`, undefined, ifMatch(current))).status).toBe(404);
  });

  it('Groups: a rename made outside SCIM (an admin in the UI) changes the version too', async () => {
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName('Renamed outside') });
    const id = created.body['id'] as string;
    const renamed = await app.gql('mutation ($id: ID!, $name: String!) { updateGroup(id: $id, input: { name: $name }) { id name } }', { id, name: groupName('Renamed by admin') }, cast.admin.as);
    expect(renamed.errors).toBeUndefined();
    const now = await scim(app, idp.token, 'GET', `/Groups/${id}`);
    expect(now.body['meta']['version']).not.toBe(created.body['meta']['version']);
    expect((await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'replace', path: 'displayName', value: groupName('x') }), ifMatch(created.body['meta']['version'] as string))).status).toBe(412);
  });

  it('Users: PUT, PATCH and DELETE honour If-Match the same way', async () => {
    const email = `etag-user-${Date.now().toString(36)}@example.com`;
    const created = await scim(app, idp.token, 'POST', '/Users', oktaUser(email));
    const id = created.body['id'] as string;
    const v1 = created.body['meta']['version'] as string;
    const renamed = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'First Writer' }), ifMatch(v1));
    expect(renamed.status).toBe(200);
    const stale = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Second Writer' }), ifMatch(v1));
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '412' });
    expect((await scim(app, idp.token, 'GET', `/Users/${id}`)).body['displayName']).toBe('First Writer');
    expect((await scim(app, idp.token, 'PUT', `/Users/${id}`, { ...oktaUser(email), id, active: false }, ifMatch(v1))).status).toBe(412);
    expect((await scim(app, idp.token, 'DELETE', `/Users/${id}`, undefined, ifMatch(v1))).status).toBe(412);
    expect((await scim(app, idp.token, 'GET', `/Users/${id}`)).body['active']).toBe(true);
    expect((await scim(app, idp.token, 'DELETE', `/Users/${id}`, undefined, ifMatch(renamed.body['meta']['version'] as string))).status).toBe(204);
  });

  it('GET with If-None-Match of the current version answers 304; an older one, the resource', async () => {
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName('Conditional GET') });
    const id = created.body['id'] as string;
    const v1 = created.body['meta']['version'] as string;
    const same = await scim(app, idp.token, 'GET', `/Groups/${id}`, undefined, { headers: { 'if-none-match': v1 } });
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(v1);
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[0] }] }));
    const changed = await scim(app, idp.token, 'GET', `/Groups/${id}`, undefined, { headers: { 'if-none-match': v1 } });
    expect(changed.status).toBe(200);
    expect(changed.body['members']).toHaveLength(1);
  });

  it('a malformed If-Match is a SCIM invalidSyntax error', async () => {
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName('Bad header') });
    for (const bad of ['1', 'W/1', '"unterminated', '"a" "b"']) {
      const answer = await scim(app, idp.token, 'PATCH', `/Groups/${created.body['id']}`, patchOp({ op: 'replace', path: 'displayName', value: groupName('never') }), ifMatch(bad));
      expect(answer.status, bad).toBe(400);
      expect(answer.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidSyntax' });
    }
  });
});
