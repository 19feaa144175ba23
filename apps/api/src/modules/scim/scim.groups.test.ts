import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In } from 'typeorm';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeCast, makeGroup, type Cast, type Role, type TestUser } from '../../../test/factories';
import { GROUP_SCHEMA, oktaUser, patchOp, provisioner, scim, uniqueNames } from '../../../test/scim';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { UserEntity } from '../users/user.entity';

let app: TestApp;
let cast: Cast;
let idp: TestUser;
let people: string[];
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  ({ idp, people } = await provisioner(app, 'Entra provisioning', 4, 'member'));
});
afterAll(() => app.close());

const groupName = uniqueNames();
const create = async (displayName: string, members: string[] = []) =>
  (await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName, members: members.map((value) => ({ value })) })).body;
const memberIds = async (groupId: string) => {
  const body = (await scim(app, idp.token, 'GET', `/Groups/${groupId}`)).body;
  return ((body['members'] ?? []) as { value: string }[]).map((m) => m.value).sort();
};
const rows = (groupId: string) => app.dataSource.manager.find(MembershipEntity, { where: { groupId }, order: { userId: 'ASC' } });

describe('SPEC §19 SCIM Groups — authorization (every operation)', () => {
  it('anonymous 401; user, leader, manager 403; admin and scim.provision holders succeed', async () => {
    const roles: Role[] = ['anonymous', 'user', 'leader', 'manager', 'admin'];
    const token = (r: Role) => (r === 'anonymous' ? null : cast[r].token);
    const status = async (method: string, path: (r: Role) => string, body?: (r: Role) => unknown) => {
      const out: Record<string, number> = {};
      for (const r of roles) out[r] = (await scim(app, token(r), method, path(r), body?.(r))).status;
      return out;
    };
    const deny = { anonymous: 401, user: 403, leader: 403, manager: 403 };
    expect(await status('GET', () => '/Groups')).toEqual({ ...deny, admin: 200 });
    expect(await status('POST', () => '/Groups', (r) => ({ displayName: groupName(`matrix ${r}`) }))).toEqual({ ...deny, admin: 201 });
    const target = (await create(groupName('matrix target')))['id'];
    expect(await status('GET', () => `/Groups/${target}`)).toEqual({ ...deny, admin: 200 });
    expect(await status('PUT', () => `/Groups/${target}`, (r) => ({ displayName: groupName(`put ${r}`) }))).toEqual({ ...deny, admin: 200 });
    expect(await status('PATCH', () => `/Groups/${target}`, () => patchOp({ op: 'add', path: 'members', value: [{ value: people[0] }] }))).toEqual({ ...deny, admin: 200 });
    const victims: Record<string, string> = {};
    for (const r of roles) victims[r] = (await create(groupName(`delete ${r}`)))['id'];
    expect(await status('DELETE', (r) => `/Groups/${victims[r]}`)).toEqual({ ...deny, admin: 204 });
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${victims['user']}`)).status).toBe(204);
  });
});

describe('SPEC §19 SCIM Groups — Okta request sequence', () => {
  it('create, add members, remove with members[value eq], rename with a pathless replace, get, delete', async () => {
    const name = groupName('Okta Engineering');
    const probe = await scim(app, idp.token, 'GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${name}"`)}&startIndex=1&count=100`);
    expect(probe.body['totalResults']).toBe(0);
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: name, members: [] });
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(created.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: name, members: [], meta: { resourceType: 'Group', location: `${app.url}/scim/v2/Groups/${id}`, version: expect.stringMatching(/^W\/"[\w-]+"$/) as string } });
    expect(await app.dataSource.manager.findOneByOrFail(GroupEntity, { id })).toMatchObject({ source: 'SCIM', internal: true, name });

    const add = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[0], display: 'x' }, { value: people[1], display: 'y' }] }));
    expect(add.status).toBe(200);
    expect(await memberIds(id)).toEqual([people[0], people[1]].sort());
    expect((await rows(id)).map((m) => m.source)).toEqual(['SCIM', 'SCIM']);
    expect(add.body['members'][0]).toMatchObject({ $ref: expect.stringContaining('/scim/v2/Users/'), type: 'User' });

    const remove = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${people[0]}"]` }));
    expect(remove.status).toBe(200);
    expect(await memberIds(id)).toEqual([people[1]]);

    const renamed = `${name} (renamed)`;
    const rename = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'replace', value: { id, displayName: renamed } }));
    expect(rename.body).toMatchObject({ displayName: renamed });
    expect(rename.body['meta']['version']).not.toBe(created.body['meta']['version']);
    expect((await app.dataSource.manager.findOneByOrFail(GroupEntity, { id })).name).toBe(renamed);

    const replaced = await scim(app, idp.token, 'PUT', `/Groups/${id}`, { schemas: [GROUP_SCHEMA], displayName: renamed, members: [{ value: people[2] }, { value: people[3] }] });
    expect(replaced.status).toBe(200);
    expect(await memberIds(id)).toEqual([people[2], people[3]].sort());

    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await scim(app, idp.token, 'GET', `/Groups/${id}`)).status).toBe(404);
    expect(await app.dataSource.manager.countBy(GroupEntity, { id })).toBe(0);
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { groupId: id, action: 'GROUP_DELETED' })).toBe(1);
  });
});

describe('SPEC §19 SCIM Groups — Entra ID request sequence', () => {
  it('filter with excludedAttributes, create with externalId, capitalised Add/Remove/Replace, delete', async () => {
    const name = groupName('Entra Sales');
    const probe = await scim(app, idp.token, 'GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`);
    expect(probe.body['totalResults']).toBe(0);
    const created = await scim(app, idp.token, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], externalId: 'entra-sales-1', displayName: name, members: [] });
    const id = created.body['id'] as string;
    const found = await scim(app, idp.token, 'GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('externalId eq "entra-sales-1"')}`);
    expect(found.body['Resources']).toHaveLength(1);
    expect(found.body['Resources'][0]).not.toHaveProperty('members');
    expect(found.body['Resources'][0]).toMatchObject({ id, externalId: 'entra-sales-1' });

    const add = await scim(app, idp.token, 'PATCH', `/Groups/${id}?excludedAttributes=members`, patchOp({ op: 'Add', path: 'members', value: people.map((value) => ({ value })) }));
    expect(add.status).toBe(200);
    expect(add.body).not.toHaveProperty('members');
    expect(await memberIds(id)).toEqual([...people].sort());
    const remove = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: people[0] }, { value: people[1] }] }));
    expect(remove.status).toBe(200);
    expect(await memberIds(id)).toEqual([people[2], people[3]].sort());
    const rename = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'Replace', path: 'displayName', value: `${name} EMEA` }));
    expect(rename.body['displayName']).toBe(`${name} EMEA`);
    const replace = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'Replace', path: 'members', value: [{ value: people[0] }] }));
    expect(replace.status).toBe(200);
    expect(await memberIds(id)).toEqual([people[0]]);
    const removeAll = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'Remove', path: 'members' }));
    expect(removeAll.status).toBe(200);
    expect(await memberIds(id)).toEqual([]);
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${id}`)).status).toBe(204);
  });
});

describe('SPEC §19 SCIM Groups — semantics', () => {
  it('a displayName used by another group answers 409 uniqueness (create and rename)', async () => {
    const manual = await makeGroup(app, { name: groupName('Manual') });
    const clash = await scim(app, idp.token, 'POST', '/Groups', { displayName: manual.name.toUpperCase() });
    expect(clash).toMatchObject({ status: 409, body: { status: '409', scimType: 'uniqueness' } });
    const own = (await create(groupName('Own')))['id'];
    const rename = await scim(app, idp.token, 'PATCH', `/Groups/${own}`, patchOp({ op: 'replace', path: 'displayName', value: manual.name }));
    expect(rename).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
    expect(await app.dataSource.manager.countBy(GroupEntity, { nameKey: manual.name.toLowerCase() })).toBe(1);
  });

  it('only SCIM groups are visible: a manual group is 404 and not listed', async () => {
    const manual = await makeGroup(app, { name: groupName('Hidden to SCIM') });
    expect((await scim(app, idp.token, 'GET', `/Groups/${manual.id}`)).status).toBe(404);
    expect((await scim(app, idp.token, 'PATCH', `/Groups/${manual.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[0] }] }))).status).toBe(404);
    expect((await scim(app, idp.token, 'DELETE', `/Groups/${manual.id}`)).status).toBe(404);
    expect((await scim(app, idp.token, 'GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${manual.name}"`)}`)).body['totalResults']).toBe(0);
  });

  it('an unknown, service-account or SCIM-deleted member id answers 400 invalidValue and nothing changes', async () => {
    const id = (await create(groupName('Strict'), [people[0]!]))['id'];
    const gone = (await scim(app, idp.token, 'POST', '/Users', oktaUser(`${groupName('gone').replace(/\W+/g, '-')}@example.com`))).body['id'];
    await scim(app, idp.token, 'DELETE', `/Users/${gone}`);
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', idp.user.id, gone]) {
      const answer = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: people[1] }, { value: bad }] }, { op: 'replace', path: 'displayName', value: 'Should not stick' }));
      expect(answer, bad).toMatchObject({ status: 400, body: { status: '400', scimType: 'invalidValue' } });
      const removal = await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${bad}"]` }));
      expect(removal.status, bad).toBe(400);
    }
    expect(await memberIds(id)).toEqual([people[0]]);
    expect((await app.dataSource.manager.findOneByOrFail(GroupEntity, { id })).name).not.toBe('Should not stick');
    const post = await scim(app, idp.token, 'POST', '/Groups', { displayName: groupName('Never'), members: [{ value: '00000000-0000-4000-8000-000000000000' }] });
    expect(post).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    // Removing someone who is not a member is a no-op.
    expect((await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${people[3]}"]` }))).status).toBe(200);
  });

  it('a manual member of a SCIM group keeps that membership when SCIM removes or replaces them', async () => {
    const id = (await create(groupName('Mixed')))['id'];
    const manual = cast.user.user.id;
    await addMember(app, id, manual);
    // SCIM adding them leaves the manual membership as it is (not shown among SCIM's members).
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: manual }, { value: people[0] }] }));
    expect((await app.dataSource.manager.findOneByOrFail(MembershipEntity, { groupId: id, userId: manual })).source).toBe('ADDED');
    expect(await memberIds(id)).toEqual([people[0]]);
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${manual}"]` }));
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: 'members', value: [{ value: manual }] }));
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'replace', path: 'members', value: [] }));
    await scim(app, idp.token, 'PUT', `/Groups/${id}`, { displayName: (await app.dataSource.manager.findOneByOrFail(GroupEntity, { id })).name, members: [] });
    expect((await rows(id)).map((m) => [m.userId, m.source])).toEqual([[manual, 'ADDED']]);
  });

  it('every change is audited with cause SCIM and the identity provider as actor', async () => {
    const id = (await create(groupName('Audited'), [people[0]!]))['id'];
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'remove', path: 'members', value: [{ value: people[0] }] }));
    const events = await app.dataSource.manager.find(AuditEventEntity, { where: { groupId: id }, order: { id: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['GROUP_CREATED', 'MEMBER_ADDED', 'MEMBER_REMOVED']);
    for (const e of events) {
      expect(e.actorId).toBe(idp.user.id);
      expect(e.details).toMatchObject({ cause: 'SCIM' });
    }
  });

  it('a PATCH adding 1,000 members is a few statements, not one per member, in one transaction', async () => {
    const id = (await create(groupName('Big')))['id'];
    const m = app.dataSource.manager;
    const stamp = Date.now().toString(36);
    const ids: string[] = [];
    for (let i = 0; i < 1000; i += 250) {
      const batch = Array.from({ length: 250 }, (_, j) => ({
        email: `bulk-${stamp}-${i + j}@example.com`,
        emailKey: `bulk-${stamp}-${i + j}@example.com`,
        displayName: `Bulk ${i + j}`,
        nameKey: `bulk ${i + j}`,
        kind: 'HUMAN' as const,
      }));
      const result = await m.insert(UserEntity, batch);
      ids.push(...result.identifiers.map((r) => r['id'] as string));
    }
    app.queries.reset();
    const answer = await scim(app, idp.token, 'PATCH', `/Groups/${id}?excludedAttributes=members`, patchOp({ op: 'Add', path: 'members', value: ids.map((value) => ({ value })) }));
    expect(answer.status).toBe(200);
    expect(app.queries.count).toBeLessThan(60);
    expect(await m.countBy(MembershipEntity, { groupId: id, source: 'SCIM' })).toBe(1000);
    expect(await m.countBy(AuditEventEntity, { groupId: id, action: 'MEMBER_ADDED' })).toBe(1000);
    // One bad id among 1,001: nothing of it is written.
    const other = (await create(groupName('Big refused')))['id'];
    const refused = await scim(app, idp.token, 'PATCH', `/Groups/${other}`, patchOp({ op: 'Add', path: 'members', value: [...ids, '00000000-0000-4000-8000-000000000000'].map((value) => ({ value })) }));
    expect(refused.status).toBe(400);
    expect(await m.countBy(MembershipEntity, { groupId: other })).toBe(0);
    app.queries.reset();
    await scim(app, idp.token, 'PATCH', `/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: ids.slice(0, 600).map((value) => ({ value })) }));
    expect(app.queries.count).toBeLessThan(60);
    expect(await m.countBy(MembershipEntity, { groupId: id, userId: In(ids.slice(0, 600)) })).toBe(0);
  });
});
