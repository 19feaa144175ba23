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
