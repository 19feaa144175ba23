import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { freePort, signOnFlow, startProvider, type TestProvider } from '../../../test/oidc';
import { makeGroup, makeUser, type TestUser } from '../../../test/factories';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { UserEntity } from '../users/user.entity';

let app: TestApp;
let provider: TestProvider;
let admin: TestUser;

beforeAll(async () => {
  const port = await freePort();
  app = await startTestApp({
    OIDC_ISSUER: `http://127.0.0.1:${port}`,
    OIDC_CLIENT_ID: 'gatehouse',
    OIDC_CLIENT_SECRET: 'test-secret',
    OIDC_DISPLAY_NAME: 'Test IdP',
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_ALLOW_INSECURE: 'true',
  });
  provider = await startProvider(port, `${app.url}/auth/oidc/callback`);
  admin = await makeUser(app, { isAdmin: true });
  await app.gql('mutation { updateSettings(input: { sso: { groupSync: SYNC, blockedGroups: ["secret-*"] } }) { autoLeave } }', {}, admin.as);
});
afterAll(async () => {
  await provider?.close();
  await app?.close();
});

const membershipsOf = async (email: string) => {
  const user = await app.dataSource.manager.findOneByOrFail(UserEntity, { emailKey: email });
  const rows = await app.dataSource.manager.find(MembershipEntity, { where: { userId: user.id }, relations: { group: true } });
  return Object.fromEntries(rows.map((m) => [m.group!.name, m.source]));
};

describe('SPEC §12 single sign-on over a real OpenID provider', () => {
  it('authConfig tells the sign-in page to offer the provider', async () => {
    expect((await app.gql('{ authConfig { ssoEnabled ssoDisplayName } }')).data).toEqual({ authConfig: { ssoEnabled: true, ssoDisplayName: 'Test IdP' } });
  });

  it('first login creates the user and the SSO memberships; the session cookie signs them in', async () => {
    await makeGroup(app, { name: 'Engineering' });
    await makeGroup(app, { name: 'Ops' });
    provider.accounts.set('alice-sub', { email: 'alice@corp.example', email_verified: true, name: 'Alice Corp', groups: ['engineering', 'OPS', 'Secret-Admins'] });
    const flow = await signOnFlow(app.url, 'alice-sub');
    expect(flow.landing).toBe('/groups');
    expect(flow.session).toMatch(/^gh_session=/);
    const me = await app.gql('{ me { email displayName } }', {}, { cookie: flow.session! });
    expect(me.data).toEqual({ me: { email: 'alice@corp.example', displayName: 'Alice Corp' } });
    expect(await membershipsOf('alice@corp.example')).toEqual({ Member: 'DEFAULT', Engineering: 'SSO', Ops: 'SSO' });
  });

  it('a later login with fewer groups ends only SSO memberships; a manual membership survives', async () => {
    const manual = await makeGroup(app, { name: 'Manual Club' });
    const alice = await app.dataSource.manager.findOneByOrFail(UserEntity, { emailKey: 'alice@corp.example' });
    await app.dataSource.manager.insert(MembershipEntity, { userId: alice.id, groupId: manual.id, source: 'ADDED' });
    provider.accounts.set('alice-sub', { email: 'alice@corp.example', email_verified: true, name: 'Alice Corp', groups: ['Engineering'] });
    await signOnFlow(app.url, 'alice-sub');
    expect(await membershipsOf('alice@corp.example')).toEqual({ Member: 'DEFAULT', Engineering: 'SSO', 'Manual Club': 'ADDED' });
    const ended = await app.dataSource.manager.findOneByOrFail(AuditEventEntity, { userId: alice.id, action: 'MEMBER_REMOVED' });
    expect(ended).toMatchObject({ actorId: null, groupLabel: 'Ops', details: expect.objectContaining({ cause: 'SSO' }) });
  });

  it('a missing claim changes nothing; blocked names are neither joined nor left', async () => {
    provider.accounts.set('alice-sub', { email: 'alice@corp.example', email_verified: true, name: 'Alice Corp' });
    await signOnFlow(app.url, 'alice-sub');
    expect(await membershipsOf('alice@corp.example')).toEqual({ Member: 'DEFAULT', Engineering: 'SSO', 'Manual Club': 'ADDED' });
    await makeGroup(app, { name: 'Secret-Ops' });
    provider.accounts.set('alice-sub', { email: 'alice@corp.example', email_verified: true, groups: ['Engineering', 'secret-ops'] });
    await signOnFlow(app.url, 'alice-sub');
    expect(await membershipsOf('alice@corp.example')).not.toHaveProperty('Secret-Ops');
  });

  it('creates missing groups (internal, source SSO) only with createGroups', async () => {
    provider.accounts.set('bob-sub', { email: 'bob@corp.example', email_verified: true, name: 'Bob', groups: ['Brand New Team'] });
    await signOnFlow(app.url, 'bob-sub');
    expect(await app.dataSource.manager.countBy(GroupEntity, { nameKey: 'brand new team' })).toBe(0);
    await app.gql('mutation { updateSettings(input: { sso: { createGroups: true } }) { autoLeave } }', {}, admin.as);
    await signOnFlow(app.url, 'bob-sub');
    expect(await app.dataSource.manager.findOneByOrFail(GroupEntity, { nameKey: 'brand new team' })).toMatchObject({ internal: true, source: 'SSO' });
    expect(await membershipsOf('bob@corp.example')).toMatchObject({ 'Brand New Team': 'SSO' });
  });

  it('refuses a tampered state: nobody is signed in', async () => {
    provider.accounts.set('carol-sub', { email: 'carol@corp.example', email_verified: true, groups: [] });
    const flow = await signOnFlow(app.url, 'carol-sub', (callback) => {
      const forged = new URL(callback);
      forged.searchParams.set('state', 'forged-state');
      return forged;
    });
    expect(flow.session).toBeNull();
    expect(decodeURIComponent(flow.landing)).toMatch(/^\/sign-in\?sso_error=This sign-on did not start in this browser/);
  });

  it('refuses a callback whose stored nonce does not match the ID token', async () => {
    const flow = await signOnFlow(app.url, 'carol-sub', async (callback) => {
      // the login row is server-side: corrupt its nonce as an attacker replaying another flow would
      await app.dataSource.query("UPDATE oidc_login SET nonce = 'x'");
      return callback;
    });
    expect(flow.session).toBeNull();
    expect(decodeURIComponent(flow.landing)).toMatch(/^\/sign-in\?sso_error=The sign-on could not be completed/);
  });

  it('does not take over an existing account by email unless linking is on and the email verified', async () => {
    await makeUser(app, { email: 'dave@corp.example' });
    provider.accounts.set('dave-sub', { email: 'dave@corp.example', email_verified: true, groups: [] });
    const refused = await signOnFlow(app.url, 'dave-sub');
    expect(refused.session).toBeNull();
    await app.gql('mutation { updateSettings(input: { sso: { linkByEmail: true } }) { autoLeave } }', {}, admin.as);
    const linked = await signOnFlow(app.url, 'dave-sub');
    expect(linked.session).toMatch(/^gh_session=/);
  });

  it('the admin dry run shows what a claim would change, without changing it', async () => {
    const alice = await app.dataSource.manager.findOneByOrFail(UserEntity, { emailKey: 'alice@corp.example' });
    const before = await membershipsOf('alice@corp.example');
    const preview = await app.gql('query ($u: ID!, $c: String!) { ssoSyncPreview(userId: $u, claimValue: $c) { claimed join leave create blocked } }', { u: alice.id, c: '["Ops", "secret-x", "Nope"]' }, admin.as);
    expect(preview.data).toEqual({ ssoSyncPreview: { claimed: ['Ops', 'secret-x', 'Nope'], join: ['Ops'], leave: ['Engineering'], create: ['Nope'], blocked: ['secret-x'] } });
    expect(await membershipsOf('alice@corp.example')).toEqual(before);
    const asUser = await app.gql('query ($u: ID!) { ssoSyncPreview(userId: $u, claimValue: "x") { join } }', { u: alice.id }, (await makeUser(app)).as);
    expect(asUser.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
