import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeUser, type TestUser } from '../../../test/factories';
import { ERROR_SCHEMA, GROUP_SCHEMA, oktaUser, patchOp, scim } from '../../../test/scim';
import { AuditEventEntity } from '../audit/audit-event.entity';

let app: TestApp;
let idp: TestUser;
let userId: string;
let groupId: string;
beforeAll(async () => {
  app = await startTestApp();
  idp = await makeUser(app, { kind: 'SERVICE', permissions: ['scim.provision'] });
  userId = (await scim(app, idp.token, 'POST', '/Users', oktaUser('malformed-target@example.com'))).body['id'];
  groupId = (await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Malformed target', members: [{ value: userId }] })).body['id'];
});
afterAll(() => app.close());

const U = () => `/Users/${userId}`;
const G = () => `/Groups/${groupId}`;
const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;

/** [what, method, path, body (string = raw text), status, scimType] */
type Case = [string, string, () => string, unknown, number, string | undefined];
const RAW = (text: string) => ({ raw: text });

const CASES: Case[] = [
  // Bodies that are not JSON objects
  ['invalid JSON', 'POST', () => '/Users', RAW('{"userName": '), 400, 'invalidSyntax'],
  ['JSON array body', 'POST', () => '/Users', RAW('[1,2]'), 400, 'invalidSyntax'],
  ['JSON string body', 'POST', () => '/Users', RAW('"hello"'), 400, 'invalidSyntax'],
  ['JSON null body', 'POST', () => '/Groups', RAW('null'), 400, 'invalidSyntax'],
  ['empty body', 'POST', () => '/Users', RAW(''), 400, 'invalidSyntax'],
  ['trailing garbage', 'PATCH', U, RAW('{"Operations":[]} x'), 400, 'invalidSyntax'],
  // Users: bad attributes
  ['no userName', 'POST', () => '/Users', { schemas: [], displayName: 'x' }, 400, 'invalidValue'],
  ['userName not an email', 'POST', () => '/Users', { userName: 'olga' }, 400, 'invalidValue'],
  ['userName a number', 'POST', () => '/Users', { userName: 42 }, 400, 'invalidValue'],
  ['userName empty', 'POST', () => '/Users', { userName: '   ' }, 400, 'invalidValue'],
  ['userName too long', 'POST', () => '/Users', { userName: `${'a'.repeat(260)}@example.com` }, 400, 'invalidValue'],
  ['active not boolean', 'POST', () => '/Users', { userName: 'a1@example.com', active: 'maybe' }, 400, 'invalidValue'],
  ['active a number', 'POST', () => '/Users', { userName: 'a2@example.com', active: 1 }, 400, 'invalidValue'],
  ['name not an object', 'POST', () => '/Users', { userName: 'a3@example.com', name: 'Olga' }, 400, 'invalidValue'],
  ['name part not a string', 'POST', () => '/Users', { userName: 'a4@example.com', name: { givenName: 7 } }, 400, 'invalidValue'],
  ['emails not a list', 'POST', () => '/Users', { userName: 'a5@example.com', emails: 'a5@example.com' }, 400, 'invalidValue'],
  ['email without value', 'POST', () => '/Users', { userName: 'a6@example.com', emails: [{ type: 'work' }] }, 400, 'invalidValue'],
  ['externalId not a string', 'POST', () => '/Users', { userName: 'a7@example.com', externalId: { a: 1 } }, 400, 'invalidValue'],
  ['externalId too long', 'POST', () => '/Users', { userName: 'a8@example.com', externalId: 'x'.repeat(300) }, 400, 'invalidValue'],
  ['schemas not a list', 'POST', () => '/Users', { userName: 'a9@example.com', schemas: 'urn' }, 400, 'invalidSyntax'],
  ['displayName not a string', 'PUT', U, { userName: 'malformed-target@example.com', displayName: ['x'] }, 400, 'invalidValue'],
  ['enterprise extension not an object', 'POST', () => '/Users', { userName: 'b1@example.com', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': 'x' }, 400, 'invalidValue'],
  // PATCH bodies
  ['PATCH without Operations', 'PATCH', U, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'] }, 400, 'invalidSyntax'],
  ['PATCH empty Operations', 'PATCH', U, patchOp(), 400, 'invalidSyntax'],
  ['PATCH Operations not a list', 'PATCH', U, { Operations: { op: 'add' } }, 400, 'invalidSyntax'],
  ['PATCH op unknown', 'PATCH', U, patchOp({ op: 'merge', path: 'displayName', value: 'x' }), 400, 'invalidSyntax'],
  ['PATCH op missing', 'PATCH', U, patchOp({ path: 'displayName', value: 'x' }), 400, 'invalidSyntax'],
  ['PATCH operation not an object', 'PATCH', U, { Operations: ['replace'] }, 400, 'invalidSyntax'],
  ['PATCH wrong schemas', 'PATCH', U, { schemas: ['urn:nope'], Operations: [{ op: 'add', path: 'displayName', value: 'x' }] }, 400, 'invalidSyntax'],
  ['PATCH add without value', 'PATCH', U, patchOp({ op: 'add', path: 'displayName' }), 400, 'invalidSyntax'],
  ['PATCH remove without path', 'PATCH', U, patchOp({ op: 'remove' }), 400, 'noTarget'],
  ['PATCH path not a string', 'PATCH', U, patchOp({ op: 'replace', path: 7, value: 'x' }), 400, 'invalidPath'],
  ['PATCH path gibberish', 'PATCH', U, patchOp({ op: 'replace', path: 'name..given', value: 'x' }), 400, 'invalidPath'],
  ['PATCH path bad filter', 'PATCH', U, patchOp({ op: 'replace', path: 'emails[type eq ].value', value: 'x' }), 400, 'invalidFilter'],
  ['PATCH pathless value not object', 'PATCH', U, patchOp({ op: 'replace', value: 'x' }), 400, 'invalidValue'],
  ['PATCH active "maybe"', 'PATCH', U, patchOp({ op: 'Replace', path: 'active', value: 'maybe' }), 400, 'invalidValue'],
  ['PATCH userName to non-email', 'PATCH', U, patchOp({ op: 'replace', path: 'userName', value: 'nobody' }), 400, 'invalidValue'],
  ['PATCH remove userName', 'PATCH', U, patchOp({ op: 'remove', path: 'userName' }), 400, 'invalidValue'],
  ['PATCH change id', 'PATCH', U, patchOp({ op: 'replace', path: 'id', value: '00000000-0000-4000-8000-000000000000' }), 400, 'mutability'],
  // Groups
  ['group without displayName', 'POST', () => '/Groups', { schemas: [GROUP_SCHEMA] }, 400, 'invalidValue'],
  ['group displayName empty', 'POST', () => '/Groups', { displayName: '   ' }, 400, 'invalidValue'],
  ['group displayName too long', 'POST', () => '/Groups', { displayName: 'g'.repeat(101) }, 400, 'invalidValue'],
  ['group members not a list', 'POST', () => '/Groups', { displayName: 'Members string', members: 'everyone' }, 400, 'invalidValue'],
  ['group member without value', 'POST', () => '/Groups', { displayName: 'Members novalue', members: [{ display: 'x' }] }, 400, 'invalidValue'],
  ['group PATCH unknown attribute', 'PATCH', G, patchOp({ op: 'replace', path: 'owner', value: 'x' }), 400, 'invalidPath'],
  ['group PATCH remove displayName', 'PATCH', G, patchOp({ op: 'remove', path: 'displayName' }), 400, 'mutability'],
  ['group PATCH filter on add', 'PATCH', G, patchOp({ op: 'add', path: 'members[value eq "x"]', value: [] }), 400, 'invalidPath'],
  ['group PATCH filter not value eq', 'PATCH', G, patchOp({ op: 'remove', path: 'members[display co "x"]' }), 400, 'invalidFilter'],
  ['group PATCH members value not a list', 'PATCH', G, patchOp({ op: 'add', path: 'members', value: 'everyone' }), 400, 'invalidValue'],
  ['group PATCH sub-attribute path', 'PATCH', G, patchOp({ op: 'replace', path: 'members.display', value: 'x' }), 400, 'invalidPath'],
  // Filters
  ['filter unparsable', 'GET', () => `/Users${q('userName eq')}`, undefined, 400, 'invalidFilter'],
  ['filter unknown attribute', 'GET', () => `/Users${q('nickName eq "x"')}`, undefined, 400, 'invalidFilter'],
  ['filter unsupported operator', 'GET', () => `/Users${q('userName sw "a"')}`, undefined, 400, 'invalidFilter'],
  ['filter not', 'GET', () => `/Users${q('not (userName eq "a")')}`, undefined, 400, 'invalidFilter'],
  ['filter pr', 'GET', () => `/Users${q('externalId pr')}`, undefined, 400, 'invalidFilter'],
  ['filter number for userName', 'GET', () => `/Users${q('userName eq 5')}`, undefined, 400, 'invalidFilter'],
  ['filter unbalanced', 'GET', () => `/Users${q('(userName eq "a"')}`, undefined, 400, 'invalidFilter'],
  ['filter empty', 'GET', () => `/Users?filter=`, undefined, 400, 'invalidFilter'],
  ['filter too long', 'GET', () => `/Users${q(`userName eq "${'a'.repeat(2100)}"`)}`, undefined, 400, 'invalidFilter'],
  ['group filter on members', 'GET', () => `/Groups${q('members eq "x"')}`, undefined, 400, 'invalidFilter'],
  ['group filter gt', 'GET', () => `/Groups${q('displayName gt "a"')}`, undefined, 400, 'invalidFilter'],
  // Paging
  ['startIndex not a number', 'GET', () => '/Users?startIndex=abc', undefined, 400, 'invalidValue'],
  ['count not a number', 'GET', () => '/Users?count=1.5', undefined, 400, 'invalidValue'],
  ['count given twice', 'GET', () => '/Users?count=1&count=2', undefined, 400, 'invalidValue'],
  // Unknown targets and methods
  ['unknown user id', 'GET', () => '/Users/00000000-0000-4000-8000-000000000000', undefined, 404, undefined],
  ['malformed user id', 'GET', () => '/Users/%27%3B--', undefined, 404, undefined],
  ['unknown group id', 'PATCH', () => '/Groups/00000000-0000-4000-8000-000000000000', patchOp({ op: 'add', path: 'members', value: [] }), 404, undefined],
  ['unknown endpoint', 'GET', () => '/Widgets', undefined, 404, undefined],
  ['bulk is not offered', 'POST', () => '/Bulk', {}, 404, undefined],
  ['unknown schema', 'GET', () => '/Schemas/urn:nope', undefined, 404, undefined],
  ['POST on a user', 'POST', U, {}, 405, undefined],
  ['DELETE the collection', 'DELETE', () => '/Users', undefined, 405, undefined],
];

describe('SPEC §19 SCIM — malformed requests are SCIM errors, never a 500, never a change', () => {
  it(`answers ${CASES.length} malformed bodies, filters and targets with the right SCIM error`, async () => {
    const before = await app.dataSource.manager.count(AuditEventEntity);
    const failures: string[] = [];
    for (const [what, method, path, body, status, scimType] of CASES) {
      const raw = typeof body === 'object' && body !== null && 'raw' in body ? (body as { raw: string }).raw : undefined;
      const answer = await scim(app, idp.token, method, path(), raw === undefined ? body : undefined, raw === undefined ? {} : { raw });
      const ok =
        answer.status === status &&
        answer.contentType?.includes('application/scim+json') === true &&
        answer.body?.['schemas']?.[0] === ERROR_SCHEMA &&
        answer.body?.['status'] === String(status) &&
        answer.body?.['scimType'] === scimType &&
        typeof answer.body?.['detail'] === 'string';
      if (!ok) failures.push(`${what}: expected ${status} ${scimType ?? ''}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(failures).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(await app.dataSource.manager.count(AuditEventEntity)).toBe(before);
    const target = await scim(app, idp.token, 'GET', U());
    expect(target.body).toMatchObject({ userName: 'malformed-target@example.com', active: true });
  });

  it('a body over the size limit is a SCIM 413', async () => {
    const answer = await scim(app, idp.token, 'POST', '/Users', undefined, { raw: JSON.stringify({ userName: 'big@example.com', pad: 'x'.repeat(4_100_000) }) });
    expect(answer).toMatchObject({ status: 413, body: { schemas: [ERROR_SCHEMA], status: '413' } });
  });

  it('plain application/json is accepted too; discovery answers in application/scim+json', async () => {
    const answer = await scim(app, idp.token, 'POST', '/Users', oktaUser('plain-json@example.com'), { contentType: 'application/json' });
    expect(answer.status).toBe(201);
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/User', '/Schemas', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group']) {
      const d = await scim(app, idp.token, 'GET', path);
      expect(d.status, path).toBe(200);
      expect(d.contentType, path).toContain('application/scim+json');
    }
    const config = (await scim(app, idp.token, 'GET', '/ServiceProviderConfig')).body;
    expect(config).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 1000 }, bulk: { supported: false } });
    expect((await scim(app, idp.token, 'GET', '/ResourceTypes')).body['totalResults']).toBe(2);
  });
});
