import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { expectMatrix, makeCast, type Cast } from '../../../test/factories';
import { oktaUser, scim } from '../../../test/scim';
import { UserPermissionEntity } from '../permissions/user-permission.entity';
import { UserEntity } from '../users/user.entity';
import { PROVISIONING_EMAIL } from './provisioning.service';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL: 'https://gatehouse.example.org' });
  cast = await makeCast(app);
});
afterAll(() => app.close());

const CREATE = 'mutation ($n: String) { createScimToken(name: $n) { id token } }';
const PAGE = '{ scimProvisioning { baseUrl scimPath account { id kind displayName apiTokens { id name revokedAt } } } }';

describe('SPEC §19 the Provisioning page (admin)', () => {
  it('createScimToken and scimProvisioning: admins only', async () => {
    await expectMatrix(app, cast, CREATE, () => ({ n: 'Okta' }), { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK' });
    await expectMatrix(app, cast, PAGE, () => ({}), { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', leader: 'FORBIDDEN', manager: 'FORBIDDEN', admin: 'OK' });
  });

  it('makes one service account holding scim.provision; its token provisions; revoking stops it; activity is in the audit log', async () => {
    const first = await app.gql<{ createScimToken: { id: string; token: string } }>(CREATE, { n: 'Entra ID' }, cast.admin.as);
    const second = await app.gql<{ createScimToken: { id: string; token: string } }>(CREATE, {}, cast.admin.as);
    expect(first.errors).toBeUndefined();
    const accounts = await app.dataSource.manager.findBy(UserEntity, { emailKey: PROVISIONING_EMAIL });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ kind: 'SERVICE', isActive: true, isAdmin: false });
    expect((await app.dataSource.manager.findBy(UserPermissionEntity, { userId: accounts[0]!.id })).map((p) => p.permissionKey)).toEqual(['scim.provision']);

    const page = await app.gql<{ scimProvisioning: { baseUrl: string; account: { id: string; apiTokens: { id: string; name: string }[] } } }>(PAGE, {}, cast.admin.as);
    expect(page.data?.scimProvisioning.baseUrl).toBe('https://gatehouse.example.org/scim/v2');
    expect(page.data?.scimProvisioning.account.apiTokens.map((t) => t.name).sort()).toEqual(['Entra ID', 'Identity provider', 'Okta']);

    const token = first.data!.createScimToken.token;
    const created = await scim(app, token, 'POST', '/Users', oktaUser('provisioned-by-page@example.com'));
    expect(created.status).toBe(201);
    expect(created.body['meta']['location']).toBe(`https://gatehouse.example.org/scim/v2/Users/${created.body['id']}`);

    const activity = await app.gql<{ auditEvents: { edges: { node: { action: string } }[] } }>(
      'query ($a: ID!) { auditEvents(filter: { actorId: $a }, first: 20) { edges { node { action } } } }',
      { a: accounts[0]!.id },
      cast.admin.as,
    );
    expect(activity.errors).toBeUndefined();
    expect(activity.data!.auditEvents.edges.map((e) => e.node.action)).toContain('USER_CREATED');

    const revoked = await app.gql('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: first.data!.createScimToken.id }, cast.admin.as);
    expect(revoked.errors).toBeUndefined();
    expect((await scim(app, token, 'GET', '/Users')).status).toBe(401);
    expect((await scim(app, second.data!.createScimToken.token, 'GET', '/Users?count=1')).status).toBe(200);
  });
});
