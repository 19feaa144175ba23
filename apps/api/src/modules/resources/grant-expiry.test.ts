import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeGroup, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';
import { NotificationEntity } from '../notifications/notification.entity';
import { GrantEntity } from './grant.entity';

let app: TestApp;
let cast: Cast;
let owner: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
  owner = await makeUser(app, { displayName: 'Olga Owner', permissions: ['resources.create'] });
});
afterAll(() => app.close());

const DAY = 24 * 3600_000;
const CREATE = 'mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }';
const GRANT = 'mutation ($r: ID!, $u: ID, $g: ID, $l: AccessLevel!, $e: DateTime) { grantAccess(resourceId: $r, userId: $u, groupId: $g, level: $l, expiresAt: $e) { id level expiresAt } }';
let n = 0;
async function resource(): Promise<{ id: string; name: string }> {
  const name = `Runbook ${n++}`;
  const r = await app.gql<{ createResource: { id: string } }>(CREATE, { i: { kind: 'document', name } }, owner.as);
  return { id: r.data!.createResource.id, name };
}
async function grant(resourceId: string, who: { u?: string; g?: string }, level: 'READ' | 'WRITE', expiresAt: Date | null): Promise<string> {
  const r = await app.gql<{ grantAccess: { id: string } }>(GRANT, { r: resourceId, ...who, l: level, e: expiresAt?.toISOString() ?? null }, owner.as);
  expect(r.errors).toBeUndefined();
  return r.data!.grantAccess.id;
}
const titlesOf = async (userId: string) => (await app.dataSource.manager.findBy(NotificationEntity, { userId })).map((x) => x.title).sort();

describe('SPEC §20 a grant’s expiry', () => {
  it('changing it (grantAccess again) matrix: whoever may edit the resource’s access — WRITE holders and admins; READ holders FORBIDDEN; others do not see it', async () => {
    const { id } = await resource();
    const grantee = await makeUser(app);
    await grant(id, { u: cast.user.user.id }, 'READ', null);
    await grant(id, { u: cast.leader.user.id }, 'WRITE', null);
    await grant(id, { u: grantee.user.id }, 'READ', new Date(Date.now() + 2 * DAY));
    let k = 3;
    await expectMatrix(app, cast, GRANT, () => ({ r: id, u: grantee.user.id, l: 'READ', e: new Date(Date.now() + (k++) * 10 * DAY).toISOString() }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'OK', manager: 'NOT_FOUND', admin: 'OK',
    });
    const row = await app.dataSource.manager.findOneByOrFail(GrantEntity, { resourceId: id, userId: grantee.user.id });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * DAY);
    expect(outcome(await app.gql(GRANT, { r: id, u: grantee.user.id, l: 'READ', e: new Date(Date.now() - DAY).toISOString() }, owner.as))).toBe('BAD_USER_INPUT');
  });

  it('a new expiry is warned of again; re-granting with the same expiry is not', async () => {
    const { id } = await resource();
    const grantee = await makeUser(app);
    const soon = new Date(Date.now() + 2 * DAY);
    const grantId = await grant(id, { u: grantee.user.id }, 'READ', soon);
    await app.dataSource.manager.update(GrantEntity, { id: grantId }, { expiryWarnedAt: new Date() });
    await grant(id, { u: grantee.user.id }, 'WRITE', soon);
    expect((await app.dataSource.manager.findOneByOrFail(GrantEntity, { id: grantId })).expiryWarnedAt).not.toBeNull();
    await grant(id, { u: grantee.user.id }, 'WRITE', new Date(Date.now() + 3 * DAY));
    expect((await app.dataSource.manager.findOneByOrFail(GrantEntity, { id: grantId })).expiryWarnedAt).toBeNull();
  });
});

describe('SPEC §10 grants about to expire: warned once, to the grantee and to those who may renew it', () => {
  it('a user grant: the grantee and the owner, once; a grant further out is not warned', async () => {
    const soonRes = await resource();
    const laterRes = await resource();
    const grantee = await makeUser(app);
    await grant(soonRes.id, { u: grantee.user.id }, 'READ', new Date(Date.now() + 3 * DAY));
    await grant(laterRes.id, { u: grantee.user.id }, 'READ', new Date(Date.now() + 40 * DAY));
    const ownerBefore = await titlesOf(owner.user.id);
    const first = await app.services.sweeper.run();
    expect(first.grantsWarned).toBeGreaterThanOrEqual(1);
    await app.services.sweeper.run();
    expect(await titlesOf(grantee.user.id)).toEqual([`Your read access to ${soonRes.name} expires soon`]);
    const ownerNew = (await titlesOf(owner.user.id)).filter((t) => !ownerBefore.includes(t) && (t.includes(soonRes.name) || t.includes(laterRes.name)));
    expect(ownerNew).toEqual([`The read access of ${grantee.user.displayName} to ${soonRes.name} expires soon`]);
    const note = await app.dataSource.manager.findOneByOrFail(NotificationEntity, { userId: grantee.user.id });
    expect(note.link).toBe(`/resources/${soonRes.id}`);
  });

  it('a group grant: the group’s leaders and the WRITE holders who may renew it', async () => {
    const res = await resource();
    const lead = await makeUser(app);
    const editor = await makeUser(app);
    const group = await makeGroup(app, { leaders: [lead.user.id], shareable: 'ANYONE' });
    await grant(res.id, { u: editor.user.id }, 'WRITE', null);
    await grant(res.id, { g: group.id }, 'WRITE', new Date(Date.now() + 2 * DAY));
    await app.services.sweeper.run();
    expect(await titlesOf(lead.user.id)).toEqual([`The write access of ${group.name} to ${res.name} expires soon`]);
    expect(await titlesOf(editor.user.id)).toEqual([`The write access of ${group.name} to ${res.name} expires soon`]);
  });

  it('sweepers running at the same moment warn of each grant once', async () => {
    const grantees = await Promise.all([0, 1, 2, 3, 4].map(() => makeUser(app)));
    const res = await resource();
    for (const g of grantees) await grant(res.id, { u: g.user.id }, 'READ', new Date(Date.now() + DAY));
    const results = await Promise.all([app.services.sweeper.run(), app.services.sweeper.run(), app.services.sweeper.run()]);
    expect(results.reduce((sum, r) => sum + r.grantsWarned, 0)).toBe(grantees.length);
    for (const g of grantees) expect(await titlesOf(g.user.id)).toEqual([`Your read access to ${res.name} expires soon`]);
    const warned = await app.dataSource.manager.findBy(GrantEntity, { resourceId: res.id });
    expect(warned.every((w) => w.expiryWarnedAt !== null)).toBe(true);
  });
});
