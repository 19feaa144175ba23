import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeUser, outcome, type Cast } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const USERS = 'query ($s: String, $f: UserFilter) { users(search: $s, filter: $f, first: 100) { totalCount edges { node { displayName kind isActive isAdmin lastSignInAt } } } }';
type Users = { users: { totalCount: number; edges: { node: { displayName: string; kind: string; isActive: boolean; isAdmin: boolean; lastSignInAt: string | null } }[] } };
const names = async (f: Record<string, unknown>, as = cast.admin.as, s = 'Filterable') => {
  const result = await app.gql<Users>(USERS, { s, f }, as);
  expect(result.errors).toBeUndefined();
  return result.data!.users.edges.map((e) => e.node.displayName).sort();
};

describe('users(filter:): status, kind and admin role (issue 21)', () => {
  beforeAll(async () => {
    await makeUser(app, { displayName: 'Filterable Human' });
    await makeUser(app, { displayName: 'Filterable Admin', isAdmin: true });
    await makeUser(app, { displayName: 'Filterable Robot', kind: 'SERVICE' });
    const gone = await makeUser(app, { displayName: 'Filterable Gone' });
    const off = await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: gone.user.id }, cast.admin.as);
    expect(off.errors).toBeUndefined();
  });

  it('narrows by each filter and by them together', async () => {
    expect(await names({})).toEqual(['Filterable Admin', 'Filterable Gone', 'Filterable Human', 'Filterable Robot']);
    expect(await names({ isActive: false })).toEqual(['Filterable Gone']);
    expect(await names({ isActive: true })).toEqual(['Filterable Admin', 'Filterable Human', 'Filterable Robot']);
    expect(await names({ kind: 'SERVICE' })).toEqual(['Filterable Robot']);
    expect(await names({ kind: 'HUMAN', isAdmin: false })).toEqual(['Filterable Gone', 'Filterable Human']);
    expect(await names({ isAdmin: true })).toEqual(['Filterable Admin']);
    const counted = await app.gql<Users>(USERS, { s: 'Filterable', f: { kind: 'HUMAN', isActive: true } }, cast.admin.as);
    expect(counted.data!.users.totalCount).toBe(2);
  });

  it('others list active accounts only, filters or not', async () => {
    expect(await names({ isActive: false }, cast.user.as)).toEqual([]);
    expect(await names({}, cast.user.as)).toEqual(['Filterable Admin', 'Filterable Human', 'Filterable Robot']);
    expect(await names({ isAdmin: true }, cast.manager.as)).toEqual(['Filterable Admin']);
  });

  it('last sign-in shows for admins (the users list) and is null for others', async () => {
    const signer = await makeUser(app, { displayName: 'Filterable Signer', password: 'a long enough password 1' });
    const signIn = await app.gql('mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', { e: signer.user.email, p: 'a long enough password 1' });
    expect(signIn.errors).toBeUndefined();
    const seen = async (as: typeof cast.admin.as) => (await app.gql<Users>(USERS, { s: 'Filterable', f: {} }, as)).data!.users.edges.map((e) => [e.node.displayName, e.node.lastSignInAt !== null]);
    expect(await seen(cast.admin.as)).toContainEqual(['Filterable Signer', true]);
    expect(await seen(cast.admin.as)).toContainEqual(['Filterable Human', false]);
    expect(await seen(cast.user.as)).toContainEqual(['Filterable Signer', false]);
  });

  it('matrix: any signed-in user may filter; an unknown kind is bad input', async () => {
    await expectMatrix(app, cast, USERS, () => ({ f: { isActive: true, kind: 'HUMAN', isAdmin: false } }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
    expect(outcome(await app.gql(USERS, { f: { kind: 'ROBOT' } }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });
});
