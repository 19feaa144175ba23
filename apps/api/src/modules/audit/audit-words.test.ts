import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { AuditEventEntity } from './audit-event.entity';
import { AUDIT_ACTIONS, auditSentence, isAuditAction, type AuditRow } from './audit-actions';

let app: TestApp;
let cast: Cast;
let owner: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  owner = await makeUser(app, { displayName: 'Rita Owner', permissions: ['resources.create'] });
});
afterAll(() => app.close());

const EVENTS =
  'query ($f: AuditFilter, $first: Int) { auditEvents(filter: $f, first: $first) { edges { node { id action actionLabel summary actorLabel groupLabel userLabel resourceId resourceLabel details } } } }';
interface Row {
  id: string;
  action: string;
  actionLabel: string;
  summary: string;
  groupLabel: string | null;
  userLabel: string | null;
  resourceId: string | null;
  resourceLabel: string | null;
  details: Record<string, unknown>;
}
const rows = async (f: Record<string, unknown>, as = cast.admin.as): Promise<Row[]> => {
  const result = await app.gql<{ auditEvents: { edges: { node: Row }[] } }>(EVENTS, { f, first: 100 }, as);
  expect(result.errors).toBeUndefined();
  return result.data!.auditEvents.edges.map((e) => e.node);
};
const createResource = async (name: string) =>
  (await app.gql<{ createResource: { id: string } }>('mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }', { i: { kind: 'document', name } }, owner.as)).data!.createResource.id;

describe('the audit vocabulary (one list: the writer, the filter, the picker)', () => {
  it('auditActions serves every action with its words, to signed-in people only', async () => {
    await expectMatrix(app, cast, '{ auditActions { key label } }', () => ({}), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    const served = (await app.gql<{ auditActions: { key: string; label: string }[] }>('{ auditActions { key label } }', {}, cast.user.as)).data!.auditActions;
    expect(served.map((a) => a.key)).toEqual(AUDIT_ACTIONS);
    expect(served.find((a) => a.key === 'GRANT_CHANGED')?.label).toBe('Access changed');
    expect(served.every((a) => a.label.length > 0 && a.label !== a.key)).toBe(true);
  });

  it('every row the service writes uses an action of the list', async () => {
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [cast.user.user.id] }, cast.admin.as);
    await createResource('Vocabulary check');
    const all = await app.dataSource.manager.find(AuditEventEntity);
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((e) => e.action).filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it('filters by an action in any spelling, and refuses one that is not in the list (no silent empty page)', async () => {
    const person = await makeUser(app);
    expect((await rows({ action: 'user created', userId: person.user.id })).map((r) => r.action)).toEqual(['USER_CREATED']);
    expect((await rows({ action: 'User_Created', userId: person.user.id })).map((r) => r.action)).toEqual(['USER_CREATED']);
    const wrong = await app.gql(EVENTS, { f: { action: 'USER_MADE' } }, cast.admin.as);
    expect(outcome(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('USER_MADE');
    const csv = await app.fetch('/export/audit.csv?action=USER_MADE', { headers: { authorization: `Bearer ${cast.admin.token}` } });
    expect(csv.status).toBe(400);
  });

  it('has a sentence for every action, even for a row that recorded nothing but the action', () => {
    for (const action of AUDIT_ACTIONS) {
      const bare: AuditRow = { action, actorId: null, actorLabel: 'System', groupLabel: null, userId: null, userLabel: null, resourceLabel: null, details: {} };
      const sentence = auditSentence(bare);
      expect(sentence, action).toMatch(/^[A-Z“].*\.$/);
      expect(sentence, action).not.toMatch(/undefined|null|\[object/);
    }
  });
});

describe('rows in words, naming the resource (SPEC §9; issue 21)', () => {
  it('a grant names its resource and grantee, in the row, its sentence and the CSV — also after the resource is deleted', async () => {
    const group = await makeGroup(app, { name: `On-call ${Date.now()}`, shareable: 'ANYONE' });
    const id = await createResource('Platform Runbooks');
    const granted = await app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: WRITE) { id } }', { r: id, g: group.id }, owner.as);
    expect(granted.errors).toBeUndefined();
    const [grant] = await rows({ resourceId: id, action: 'GRANT_CHANGED' });
    expect(grant).toMatchObject({ resourceLabel: 'Platform Runbooks', groupLabel: group.name, actionLabel: 'Access changed' });
    expect(grant!.summary).toBe(`Rita Owner gave ${group.name} write access to Platform Runbooks.`);

    await app.gql('mutation ($r: ID!, $i: AccessControlInput!) { setResourceAccess(resourceId: $r, input: $i) { id } }', { r: id, i: { visibility: 'PUBLIC', read: { userIds: [cast.user.user.id] }, write: {} } }, owner.as);
    const [replaced, visibility] = await rows({ resourceId: id, action: null });
    expect(visibility!.summary).toBe('Rita Owner made Platform Runbooks public (every active user may read it).');
    expect(replaced!.summary).toBe(`Rita Owner gave Plain User read access and took away the access of ${group.name} on Platform Runbooks.`);

    await app.gql('mutation ($id: ID!) { deleteResource(id: $id) }', { id }, owner.as);
    const after = await rows({ resourceId: id });
    expect(after.map((r) => r.resourceLabel)).toEqual(after.map(() => 'Platform Runbooks'));
    expect(after[0]).toMatchObject({ action: 'RESOURCE_DELETED', summary: 'Rita Owner deleted Platform Runbooks.' });

    const response = await app.fetch(`/export/audit.csv?resourceId=${id}&action=GRANT_CHANGED`, { headers: { authorization: `Bearer ${cast.admin.token}` } });
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,action,actorId,actorLabel,groupId,groupLabel,userId,userLabel,resourceId,resourceLabel,summary,details');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`,${id},Platform Runbooks,Rita Owner gave ${group.name} write access to Platform Runbooks.,`);
  });

  it('deleting a group names each resource its grants reached', async () => {
    const group = await makeGroup(app, { name: `Doomed ${Date.now()}`, shareable: 'ANYONE' });
    const id = await createResource('Doomed Wiki');
    await app.gql('mutation ($r: ID!, $g: ID) { grantAccess(resourceId: $r, groupId: $g, level: READ) { id } }', { r: id, g: group.id }, owner.as);
    expect((await app.gql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: group.id }, cast.admin.as)).errors).toBeUndefined();
    const [ended] = await rows({ resourceId: id, action: 'GRANT_CHANGED' });
    expect(ended).toMatchObject({ resourceLabel: 'Doomed Wiki', summary: `The access of ${group.name} to Doomed Wiki ended: the group was deleted.` });
  });

  it('membership and request rows read as sentences', async () => {
    const person = await makeUser(app, { displayName: 'Bob Builder' });
    const group = await makeGroup(app, { name: `Builders ${Date.now()}`, leaders: [cast.leader.user.id] });
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [person.user.id] }, cast.leader.as);
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group.id, u: [person.user.id] }, cast.admin.as);
    expect((await rows({ groupId: group.id })).map((r) => r.summary)).toEqual([
      `Ada Admin removed Bob Builder from ${group.name}.`,
      `Lea Leader added Bob Builder to ${group.name}.`,
    ]);
  });

  it('resourceId filter matrix: everyone may filter; each reads only the rows they may read', async () => {
    const id = await createResource('Matrix resource');
    const count = async (as: typeof cast.user.as) => {
      const result = await app.gql<{ auditEvents: { edges: unknown[] } }>(EVENTS, { f: { resourceId: id } }, as);
      return result.errors ? null : result.data!.auditEvents.edges.length;
    };
    await expectMatrix(app, cast, EVENTS, () => ({ f: { resourceId: id } }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    expect(await count(cast.user.as)).toBe(0);
    expect(await count(cast.manager.as)).toBe(0);
    expect(await count(cast.admin.as)).toBe(1);
    expect(await count(owner.as)).toBe(1); // they did it
    expect(outcome(await app.gql(EVENTS, { f: { resourceId: 'not-an-id' } }, cast.admin.as))).toBe('OK');
  });
});
