import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IsNull, Not } from 'typeorm';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, makeUser, type Cast, type Role, type TestUser } from '../../../test/factories';
import { ENTERPRISE, entraUser, ERROR_SCHEMA, oktaUser, patchOp, scim, USER_SCHEMA } from '../../../test/scim';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import { UserEntity } from '../users/user.entity';
import { ScimUserEntity } from './scim.entity';

let app: TestApp;
let cast: Cast;
/** The identity provider's service account: holds scim.provision, nothing else. */
let idp: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  idp = await makeUser(app, { kind: 'SERVICE', displayName: 'Okta provisioning', permissions: ['scim.provision'] });
});
afterAll(() => app.close());

let n = 0;
const email = (who: string) => `${who}-${Date.now().toString(36)}-${n++}@example.com`;
const tokenOf = (role: Role) => (role === 'anonymous' ? null : cast[role].token);
const ME = '{ me { id email } }';

describe('SPEC §19 SCIM Users — authorization (every operation)', () => {
  it('anonymous 401; user, leader, manager 403; admin and scim.provision holders succeed', async () => {
    const roles: Role[] = ['anonymous', 'user', 'leader', 'manager', 'admin'];
    const target = (await scim(app, idp.token, 'POST', '/Users', oktaUser(email('matrix')))).body['id'] as string;
    const ops: [string, (r: Role) => [string, string, unknown?]][] = [
      ['list', () => ['GET', '/Users?count=1']],
      ['get', () => ['GET', `/Users/${target}`]],
      ['create', (r) => ['POST', '/Users', oktaUser(email(`m-${r}`))]],
      ['replace', () => ['PUT', `/Users/${target}`, oktaUser('matrix-put@example.com', 'Mat', 'Rix')]],
      ['patch', () => ['PATCH', `/Users/${target}`, patchOp({ op: 'replace', path: 'displayName', value: 'Matrix' })]],
    ];
    for (const [name, op] of ops) {
      const actual: Record<string, number> = {};
      for (const role of roles) {
        const [method, path, body] = op(role);
        actual[role] = (await scim(app, tokenOf(role), method, path, body)).status;
      }
      const ok = name === 'create' ? 201 : 200;
      expect({ name, ...actual }).toEqual({ name, anonymous: 401, user: 403, leader: 403, manager: 403, admin: ok });
      const [method, path, body] = op('admin');
      expect((await scim(app, idp.token, method, path, name === 'create' ? oktaUser(email('m-idp')) : body)).status).toBe(ok);
    }
    const deletes: Record<string, number> = {};
    for (const role of roles) deletes[role] = (await scim(app, tokenOf(role), 'DELETE', `/Users/${target}`)).status;
    expect(deletes).toEqual({ anonymous: 401, user: 403, leader: 403, manager: 403, admin: 204 });
  });

  it('refusals are SCIM error objects in application/scim+json', async () => {
    const answer = await scim(app, cast.user.token, 'GET', '/Users');
    expect(answer.contentType).toContain('application/scim+json');
    expect(answer.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '403' });
    const bad = await scim(app, 'not-a-token', 'GET', '/Users');
    expect(bad.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
  });
});

describe('SPEC §19 SCIM Users — Okta request sequence', () => {
  it('filter (none), create, get, filter (found), replace, deactivate, reactivate, delete', async () => {
    const address = email('olga');
    const none = await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}&startIndex=1&count=100`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

    const created = await scim(app, idp.token, 'POST', '/Users', oktaUser(address));
    expect(created.status).toBe(201);
    expect(created.contentType).toContain('application/scim+json');
    const id = created.body['id'] as string;
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA],
      userName: address,
      externalId: oktaUser(address).externalId,
      name: { givenName: 'Olga', familyName: 'Okta' },
      displayName: 'Olga Okta',
      active: true,
      emails: [{ primary: true, value: address, type: 'work' }],
      meta: { resourceType: 'User', location: `${app.url}/scim/v2/Users/${id}` },
    });
    expect(created.body['meta']['version']).toMatch(/^W\/".+"$/);
    expect(created.headers.get('location')).toBe(`${app.url}/scim/v2/Users/${id}`);
    expect(created.body).not.toHaveProperty('password');
    const account = await app.dataSource.manager.findOneByOrFail(UserEntity, { id });
    expect(account).toMatchObject({ email: address, displayName: 'Olga Okta', kind: 'HUMAN', isActive: true, passwordHash: null });

    const got = await scim(app, idp.token, 'GET', `/Users/${id}`);
    expect(got.body).toMatchObject({ id, userName: address });
    const found = await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${address.toUpperCase()}"`)}`);
    expect(found.body['totalResults']).toBe(1);
    expect(found.body['Resources'][0]['id']).toBe(id);

    const replaced = await scim(app, idp.token, 'PUT', `/Users/${id}`, { id, ...oktaUser(address, 'Olga', 'Okta-Smith') });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ displayName: 'Olga Okta-Smith', name: { familyName: 'Okta-Smith' } });
    expect(replaced.body['meta']['version']).not.toBe(created.body['meta']['version']);

    const off = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', value: { active: false } }));
    expect(off.status).toBe(200);
    expect(off.body['active']).toBe(false);
    expect((await app.dataSource.manager.findOneByOrFail(UserEntity, { id })).isActive).toBe(false);
    const on = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', value: { active: true } }));
    expect(on.body['active']).toBe(true);

    expect((await scim(app, idp.token, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim(app, idp.token, 'GET', `/Users/${id}`)).status).toBe(404);
    expect((await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'active', value: true }))).status).toBe(404);
    const after = await app.dataSource.manager.findOneByOrFail(UserEntity, { id });
    expect(after.isActive).toBe(false);
    // A SCIM-deleted userName answers 409 until an admin reactivates the account.
    const again = await scim(app, idp.token, 'POST', '/Users', oktaUser(address));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
    const reactivated = await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: true }) { id isActive } }', { id }, cast.admin.as);
    expect(reactivated.errors).toBeUndefined();
    expect((await scim(app, idp.token, 'GET', `/Users/${id}`)).status).toBe(200);
  });
});

describe('SPEC §19 SCIM Users — Entra ID request sequence', () => {
  it('filter, create with the enterprise extension, capitalised ops and "False", email change, delete', async () => {
    const address = email('erik');
    const externalId = `entra-${n++}`;
    const probe = await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}`);
    expect(probe.body['totalResults']).toBe(0);
    const byExternal = await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`);
    expect(byExternal.body['totalResults']).toBe(0);

    const created = await scim(app, idp.token, 'POST', '/Users', entraUser(address, externalId));
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(created.body).toMatchObject({ schemas: [USER_SCHEMA, ENTERPRISE], externalId, [ENTERPRISE]: { employeeNumber: '4711', department: 'Platform' } });
    expect((await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`)).body['totalResults']).toBe(1);

    const patched = await scim(
      app,
      idp.token,
      'PATCH',
      `/Users/${id}`,
      patchOp(
        { op: 'Replace', path: 'displayName', value: 'Erik E. Entra' },
        { op: 'Replace', path: 'name.givenName', value: 'Erik E.' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Security' },
        { op: 'Replace', path: 'title', value: 'Lead' },
        { op: 'Remove', path: `${ENTERPRISE}:manager` },
      ),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ displayName: 'Erik E. Entra', name: { givenName: 'Erik E.', familyName: 'Entra' }, [ENTERPRISE]: { department: 'Security' } });
    expect(patched.body[ENTERPRISE]).not.toHaveProperty('manager');

    // The work email is the userName: changing it changes the sign-in email.
    const moved = email('erik-moved');
    const mail = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'Replace', path: 'emails[type eq "work"].value', value: moved }));
    expect(mail.status).toBe(200);
    expect(mail.body).toMatchObject({ userName: moved, emails: [{ type: 'work', value: moved, primary: true }] });
    expect((await app.dataSource.manager.findOneByOrFail(UserEntity, { id })).email).toBe(moved);

    const off = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status).toBe(200);
    expect(off.body['active']).toBe(false);
    const on = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'active', value: 'True' }));
    expect(on.body['active']).toBe(true);

    expect((await scim(app, idp.token, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim(app, idp.token, 'DELETE', `/Users/${id}`)).status).toBe(404);
  });
});

describe('SPEC §19 SCIM Users — semantics', () => {
  it('sees every human account (to match before creating), never service accounts', async () => {
    const filter = (who: TestUser) => `/Users?filter=${encodeURIComponent(`userName eq "${who.user.email}"`)}`;
    expect((await scim(app, idp.token, 'GET', filter(cast.user))).body['totalResults']).toBe(1);
    expect((await scim(app, idp.token, 'GET', filter(idp))).body['totalResults']).toBe(0);
    expect((await scim(app, idp.token, 'GET', `/Users/${idp.user.id}`)).status).toBe(404);
    const taken = await scim(app, idp.token, 'POST', '/Users', oktaUser(cast.user.user.email));
    expect(taken).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
  });

  it('filters with and/or on userName, displayName, emails.value, externalId', async () => {
    const a = email('fa');
    const b = email('fb');
    const ida = (await scim(app, idp.token, 'POST', '/Users', oktaUser(a, 'Fay', 'Filter', { externalId: 'ext-fa' }))).body['id'];
    const idb = (await scim(app, idp.token, 'POST', '/Users', oktaUser(b, 'Finn', 'Filter', { externalId: 'ext-fb' }))).body['id'];
    const q = async (f: string) => ((await scim(app, idp.token, 'GET', `/Users?filter=${encodeURIComponent(f)}`)).body['Resources'] as { id: string }[]).map((r) => r.id).sort();
    expect(await q(`userName eq "${a}" or userName eq "${b}"`)).toEqual([ida, idb].sort());
    expect(await q(`userName eq "${a}" and externalId eq "ext-fb"`)).toEqual([]);
    expect(await q(`emails[value eq "${b}"]`)).toEqual([idb]);
    expect(await q(`emails.value eq "${b}" and displayName eq "finn filter"`)).toEqual([idb]);
    expect(await q(`(externalId eq "ext-fa" or externalId eq "ext-fb") and displayName eq "Fay Filter"`)).toEqual([ida]);
    expect(await q(`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "${a}"`)).toEqual([ida]);
  });

  it('pages with startIndex/count and true totals', async () => {
    for (let i = 0; i < 4; i++) await scim(app, idp.token, 'POST', '/Users', oktaUser(email('page')));
    const total = (await scim(app, idp.token, 'GET', '/Users?count=0')).body;
    expect(total).toMatchObject({ itemsPerPage: 0, Resources: [] });
    // Every human account but those SCIM deleted (and nobody reactivated since).
    const humans = await app.dataSource.manager.findBy(UserEntity, { kind: 'HUMAN' });
    const deleted = new Set((await app.dataSource.manager.find(ScimUserEntity, { where: { deletedAt: Not(IsNull()) } })).map((s) => s.userId));
    const expected = humans.filter((u) => u.isActive || !deleted.has(u.id)).length;
    expect(deleted.size).toBeGreaterThan(0);
    expect(total['totalResults']).toBe(expected);
    const seen: string[] = [];
    for (let start = 1; start <= expected; start += 3) {
      const page = (await scim(app, idp.token, 'GET', `/Users?startIndex=${start}&count=3`)).body;
      expect(page).toMatchObject({ totalResults: expected, startIndex: start });
      expect(page['itemsPerPage']).toBe(Math.min(3, expected - start + 1));
      seen.push(...(page['Resources'] as { id: string }[]).map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(expected);
    const beyond = (await scim(app, idp.token, 'GET', `/Users?startIndex=${expected + 5}&count=3`)).body;
    expect(beyond).toMatchObject({ totalResults: expected, itemsPerPage: 0, Resources: [] });
    // startIndex below 1 reads as 1 (RFC 7644 §3.4.2.4).
    expect((await scim(app, idp.token, 'GET', '/Users?startIndex=0&count=1')).body['startIndex']).toBe(1);
  });

  it('a SCIM deactivation ends the person\'s session and API token on their next request, and runs the cascade', async () => {
    const password = 'Correct horse battery staple 42!';
    const person = await makeUser(app, { password });
    const signIn = await app.gql('mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', { e: person.user.email, p: password });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/=/);
    expect((await app.gql(ME, {}, { cookie })).data).toMatchObject({ me: { id: person.user.id } });
    expect((await app.gql(ME, {}, person.as)).data).toMatchObject({ me: { id: person.user.id } });
    // A manual non-public membership the cascade ends (the person loses groups.request with the Member group).
    const club = await makeGroup(app, { members: [person.user.id] });

    const off = await scim(app, idp.token, 'PATCH', `/Users/${person.user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status).toBe(200);
    expect((await app.gql(ME, {}, { cookie })).data?.['me'] ?? null).toBeNull();
    const byToken = await app.gql(ME, {}, person.as);
    expect(byToken.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await app.dataSource.manager.findBy(ApiTokenEntity, { userId: person.user.id })).every((t) => t.revokedAt !== null)).toBe(true);
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person.user.id, groupId: club.id })).toBe(0);
    const audit = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: person.user.id, action: 'USER_DEACTIVATED' });
    expect(audit.details).toMatchObject({ cause: 'SCIM' });
    expect(audit.actorId).toBe(idp.user.id);
  });

  it('deactivation keeps SCIM-made memberships (the cascade never ends them); DELETE ends them', async () => {
    const person = (await scim(app, idp.token, 'POST', '/Users', oktaUser(email('keep')))).body['id'] as string;
    const group = (await scim(app, idp.token, 'POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Keep ${n++}`, members: [{ value: person }] })).body['id'] as string;
    const manual = await makeGroup(app);
    await addMember(app, manual.id, person);
    await scim(app, idp.token, 'PATCH', `/Users/${person}`, patchOp({ op: 'replace', value: { active: false } }));
    expect(await app.dataSource.manager.findOneBy(MembershipEntity, { userId: person, groupId: group })).toMatchObject({ source: 'SCIM' });
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person, groupId: manual.id })).toBe(0);
    await scim(app, idp.token, 'DELETE', `/Users/${person}`);
    expect(await app.dataSource.manager.countBy(MembershipEntity, { userId: person, groupId: group })).toBe(0);
    expect((await scim(app, idp.token, 'GET', `/Groups/${group}`)).body['members']).toEqual([]);
  });

  it('changing userName to a taken email answers 409 and changes nothing', async () => {
    const id = (await scim(app, idp.token, 'POST', '/Users', oktaUser(email('clash')))).body['id'] as string;
    const before = await app.dataSource.manager.findOneByOrFail(UserEntity, { id });
    const clash = await scim(app, idp.token, 'PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' }, { op: 'replace', path: 'userName', value: cast.admin.user.email }));
    expect(clash).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
    expect(await app.dataSource.manager.findOneByOrFail(UserEntity, { id })).toMatchObject({ email: before.email, displayName: before.displayName });
  });
});
