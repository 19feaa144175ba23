import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, makeUser, newId, outcome, type Cast } from '../../../test/factories';
import { hashSecret } from '../auth/secrets';
import { ApiTokenEntity } from './api-token.entity';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const CREATE = 'mutation ($n: String!, $u: ID, $e: DateTime) { createApiToken(name: $n, userId: $u, expiresAt: $e) { id token } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) }';
type Created = { createApiToken: { id: string; token: string } };

describe('createApiToken', () => {
  it('authorization matrix for a personal token: any signed-in user', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ n: 'laptop' }), {
      anonymous: 'UNAUTHENTICATED', user: 'OK', leader: 'OK', manager: 'OK', admin: 'OK',
    });
  });

  it('authorization matrix for a service account token: admins only', async () => {
    const svc = await makeUser(app, { kind: 'SERVICE' });
    await expectMatrix(app, cast, CREATE, () => ({ n: 'integration', u: svc.user.id }), {
      anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK',
    });
  });

  it('refuses admins minting tokens for another human', async () => {
    const human = await makeUser(app);
    expect(outcome(await app.gql(CREATE, { n: 'x', u: human.user.id }, cast.admin.as))).toBe('FORBIDDEN');
  });

  it('shows the secret once, stores only its hash, and the secret works as a Bearer credential', async () => {
    const person = await makeUser(app);
    const { id, token } = ((await app.gql(CREATE, { n: 'cli' }, person.as)).data as Created).createApiToken;
    expect(token).toMatch(/^ghp_[A-Za-z0-9_-]{43}$/);
    const row = await app.dataSource.manager.findOneByOrFail(ApiTokenEntity, { id });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const me = await app.gql('{ me { id apiTokens { id name active lastUsedAt } } }', {}, { token });
    expect(me.data).toMatchObject({ me: { id: person.user.id } });
    const listed = (me.data as { me: { apiTokens: { id: string; active: boolean; lastUsedAt: string | null }[] } }).me.apiTokens.find((t) => t.id === id);
    expect(listed?.active).toBe(true);
    expect(JSON.stringify(me.data)).not.toContain(token);
  });

  it('a service account token reaches the API as that account', async () => {
    const svc = await makeUser(app, { kind: 'SERVICE', displayName: 'Wiki Bot' });
    const { token } = ((await app.gql(CREATE, { n: 'wiki', u: svc.user.id }, cast.admin.as)).data as Created).createApiToken;
    expect((await app.gql('{ me { displayName kind } }', {}, { token })).data).toEqual({ me: { displayName: 'Wiki Bot', kind: 'SERVICE' } });
  });

  it('an expired token is refused', async () => {
    const person = await makeUser(app);
    const { id, token } = ((await app.gql(CREATE, { n: 'short', e: new Date(Date.now() + 60_000).toISOString() }, person.as)).data as Created).createApiToken;
    await app.dataSource.manager.update(ApiTokenEntity, { id }, { expiresAt: new Date(Date.now() - 1000) });
    const result = await app.gql('{ users { totalCount } }', {}, { token });
    expect(result.errors?.[0]).toMatchObject({ message: 'The API token is invalid, expired or revoked.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['an empty name', { n: '  ' }],
    ['a name over 100 characters', { n: 'n'.repeat(101) }],
    ['an expiry in the past', { n: 'x', e: '2000-01-01T00:00:00Z' }],
    ['a malformed expiry', { n: 'x', e: 'tomorrow' }],
  ])('refuses %s with BAD_USER_INPUT', async (_label, vars) => {
    expect(outcome(await app.gql(CREATE, vars, cast.user.as))).toBe('BAD_USER_INPUT');
  });
});

describe('revokeApiToken', () => {
  it('authorization matrix on another user’s token: only admins (others see NOT_FOUND)', async () => {
    const owner = await makeUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await app.gql(CREATE, { n: `t${i}` }, owner.as)).data as Created).createApiToken.id);
    let i = 0;
    await expectMatrix(app, cast, REVOKE, () => ({ id: ids[i++] }), {
      anonymous: 'UNAUTHENTICATED', user: 'NOT_FOUND', leader: 'NOT_FOUND', manager: 'NOT_FOUND', admin: 'OK',
    });
  });

  it('the owner revokes; the token stops working on the very next request', async () => {
    const person = await makeUser(app);
    const { id, token } = ((await app.gql(CREATE, { n: 'temp' }, person.as)).data as Created).createApiToken;
    expect(outcome(await app.gql('{ me { id } }', {}, { token }))).toBe('OK');
    expect((await app.gql(REVOKE, { id }, person.as)).data).toEqual({ revokeApiToken: true });
    expect(outcome(await app.gql('{ users { totalCount } }', {}, { token }))).toBe('UNAUTHENTICATED');
    expect(outcome(await app.gql(REVOKE, { id: newId() }, person.as))).toBe('NOT_FOUND');
    expect(outcome(await app.gql(REVOKE, { id: 'nonsense' }, person.as))).toBe('NOT_FOUND');
  });
});

describe('User.apiTokens', () => {
  const PAGE = 'query ($n: Int!, $s: String!) { users(first: $n, search: $s) { edges { node { id apiTokens { id name } } } } }';
  type Page = { users: { edges: { node: { id: string; apiTokens: { id: string; name: string }[] } }[] } };

  it('a page of users with their tokens costs the same statements for one user or six; only admins and the owner see them', async () => {
    const term = `Tokenpage ${Date.now()}`;
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await makeUser(app, { displayName: `${term} ${i}` }));
    for (const person of people) expect(outcome(await app.gql(CREATE, { n: 'second' }, person.as))).toBe('OK');
    const statements = async (n: number) => {
      await app.gql(PAGE, { n, s: term }, cast.admin.as); // warm-up: same path, not counted
      app.queries.reset();
      const result = await app.gql<Page>(PAGE, { n, s: term }, cast.admin.as);
      expect(result.errors).toBeUndefined();
      expect(result.data!.users.edges).toHaveLength(n);
      // makeUser gave each one token; each made a second.
      expect(result.data!.users.edges.every((e) => e.node.apiTokens.map((t) => t.name).includes('second') && e.node.apiTokens.length === 2)).toBe(true);
      return app.queries.count;
    };
    expect(await statements(6)).toBe(await statements(1));

    const asOne = await app.gql<Page>(PAGE, { n: 6, s: term }, people[0]!.as);
    expect(asOne.errors).toBeUndefined();
    for (const { node } of asOne.data!.users.edges) expect(node.apiTokens.length, node.id).toBe(node.id === people[0]!.user.id ? 2 : 0);
  });
});
