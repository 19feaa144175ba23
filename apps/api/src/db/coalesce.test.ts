import { statements as rawStatements } from './raw-sql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeGroup, makeUser, newId, outcome, type TestUser } from '../../test/factories';
import { tokenCredential } from '../modules/auth/credential.repository';
import { hashSecret } from '../modules/auth/secrets';
import { levelFacts, levelFactsCoalesced } from '../modules/access/access.repository';
import { ApiTokenEntity } from '../modules/tokens/api-token.entity';

// Hot reads are coalesced across requests that arrive together (db/coalesce.ts). These tests
// show that a batch answers each request as if it had been asked alone, and that it is one
// statement (every hand-written statement passes the driver's parameter escaping exactly once).

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let member: TestUser;
let stranger: TestUser;
let asker: TestUser;
const ids: { userGrant: string; groupGrant: string; open: string } = { userGrant: '', groupGrant: '', open: '' };

const CREATE = 'mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }';
const SET = 'mutation ($r: ID!, $i: AccessControlInput!) { setResourceAccess(resourceId: $r, input: $i) { id } }';
const CHECK = 'query ($r: ID!, $u: ID!, $l: AccessLevel!) { checkAccess(resourceId: $r, userId: $u, level: $l) }';

beforeAll(async () => {
  app = await startTestApp();
  owner = await makeUser(app, { permissions: ['resources.create'] });
  [reader, member, stranger] = await Promise.all([makeUser(app), makeUser(app), makeUser(app)]);
  asker = await makeUser(app, { permissions: ['access.check'] });
  const group = await makeGroup(app, { shareable: 'ANYONE', members: [member.user.id] });
  const make = async (name: string) => (await app.gql<{ createResource: { id: string } }>(CREATE, { i: { kind: 'document', name } }, owner.as)).data!.createResource.id;
  ids.userGrant = await make('User grant');
  ids.groupGrant = await make('Group grant');
  ids.open = await make('Public');
  await app.gql(SET, { r: ids.userGrant, i: { visibility: 'PRIVATE', read: {}, write: { userIds: [reader.user.id] } } }, owner.as);
  await app.gql(SET, { r: ids.groupGrant, i: { visibility: 'PRIVATE', read: { groupIds: [group.id] }, write: {} } }, owner.as);
  await app.gql(SET, { r: ids.open, i: { visibility: 'PUBLIC', read: {}, write: {} } }, owner.as);
});
afterAll(() => app.close());

const statements = () => vi.spyOn(rawStatements, 'sent');

describe('authentication, coalesced', () => {
  it('reads the credentials of lookups made together in one statement, each its own (or none)', async () => {
    const revoked = await makeUser(app);
    await app.dataSource.manager.update(ApiTokenEntity, { tokenHash: hashSecret(revoked.token) }, { revokedAt: new Date() });
    const spy = statements();
    const asked = [reader.token, member.token, revoked.token, 'ghp_nobody', reader.token];
    const found = await Promise.all(asked.map((t) => tokenCredential(app.dataSource.manager, hashSecret(t))));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(found.map((f) => f?.user.id ?? null)).toEqual([reader.user.id, member.user.id, revoked.user.id, null, reader.user.id]);
    expect(found[2]!.credential['revokedAt']).toBeInstanceOf(Date);
    expect(found[0]!.credential['revokedAt']).toBeNull();
  });

  it('requests sent at once are each answered as their own caller; a revoked or unknown token is refused alone', async () => {
    const revoked = await makeUser(app);
    await app.dataSource.manager.update(ApiTokenEntity, { tokenHash: hashSecret(revoked.token) }, { revokedAt: new Date() });
    const callers = [reader, member, stranger, revoked, owner, reader];
    const answers = await Promise.all([...callers.map((c) => c.as), { token: 'ghp_nobody' }].map((as) => app.gql<{ me: { id: string } | null }>('{ me { id } }', {}, as)));
    expect(answers.map((a) => a.data?.me?.id ?? outcome(a))).toEqual([
      reader.user.id, member.user.id, stranger.user.id, 'UNAUTHENTICATED', owner.user.id, reader.user.id, 'UNAUTHENTICATED',
    ]);
  });
});

describe('single access checks, coalesced', () => {
  it('answers checks made together in one statement, each exactly as levelFacts answers it alone', async () => {
    const m = app.dataSource.manager;
    const pairs = [
      [reader.user.id, ids.userGrant],
      [member.user.id, ids.groupGrant],
      [stranger.user.id, ids.groupGrant],
      [stranger.user.id, ids.open],
      [owner.user.id, ids.userGrant],
      [stranger.user.id, newId()],
      ['00000000-0000-0000-0000-000000000000', ids.userGrant],
    ] as const;
    const alone = [];
    for (const [u, r] of pairs) alone.push(await levelFacts(m, u, r));
    const spy = statements();
    const together = await Promise.all(pairs.map(([u, r]) => levelFactsCoalesced(m, u, r)));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const shape = (row: Awaited<ReturnType<typeof levelFacts>>) =>
      row && { resourceId: row.resourceId, ownerId: row.ownerId, visibility: row.visibility, isActive: Boolean(row.isActive), isAdmin: Boolean(row.isAdmin), bestGrant: row.bestGrant === null ? null : Number(row.bestGrant) };
    expect(together.map(shape)).toEqual(alone.map(shape));
    expect(together[5]).toBeNull();
  });

  it('checkAccess requests sent at once each get their own answer; an unknown resource is NOT_FOUND for its asker only', async () => {
    const asked: [string, string, string][] = [
      [ids.userGrant, reader.user.id, 'WRITE'],
      [ids.groupGrant, member.user.id, 'READ'],
      [ids.groupGrant, member.user.id, 'WRITE'],
      [ids.groupGrant, stranger.user.id, 'READ'],
      [ids.open, stranger.user.id, 'READ'],
      [newId(), stranger.user.id, 'READ'],
      [ids.userGrant, owner.user.id, 'WRITE'],
    ];
    const answers = await Promise.all(asked.map(([r, u, l]) => app.gql<{ checkAccess: boolean }>(CHECK, { r, u, l }, asker.as)));
    expect(answers.map((a) => a.data?.checkAccess ?? outcome(a))).toEqual([true, true, false, false, true, 'NOT_FOUND', true]);
  });
});
