import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionEntity } from './session.entity';
import { UserEntity } from '../users/user.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeUser, outcome } from '../../../test/factories';

const SIGN_IN = 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id email effectivePermissions } } }';
const ME = '{ me { id email } }';
const PASSWORD = 'a long enough password';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'root password 123' });
});
afterAll(() => app.close());

const cookieOf = (headers: Headers) => headers.get('set-cookie')?.split(';')[0] ?? '';

describe('first admin and setup', () => {
  it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, who can sign in', async () => {
    const result = await app.gql(SIGN_IN, { e: 'ROOT@example.com', p: 'root password 123' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ signIn: { user: { email: 'root@example.com' } } });
    expect((result.data as { signIn: { user: { effectivePermissions: string[] } } }).signIn.user.effectivePermissions).toContain('audit.read');
  });

  it('reports setup as done and refuses completeSetup once an admin exists', async () => {
    expect((await app.gql('{ authConfig { needsSetup } }')).data).toEqual({ authConfig: { needsSetup: false } });
    const result = await app.gql('mutation ($i: SetupInput!) { completeSetup(input: $i) { user { id } } }', {
      i: { email: 'late@example.com', displayName: 'Late', password: PASSWORD },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SETUP_DONE' });
  });
});

describe('setup on a fresh install', () => {
  it('lets exactly one of two racing setups create the admin', async () => {
    const fresh = await startTestApp();
    try {
      expect((await fresh.gql('{ authConfig { needsSetup } }')).data).toEqual({ authConfig: { needsSetup: true } });
      const setup = (email: string) =>
        fresh.gql('mutation ($i: SetupInput!) { completeSetup(input: $i) { user { email isAdmin } } }', {
          i: { email, displayName: 'First', password: PASSWORD },
        });
      const results = await Promise.all([setup('one@example.com'), setup('two@example.com')]);
      expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
      const winner = results.find((r) => outcome(r) === 'OK')!;
      expect(cookieOf(winner.headers)).toMatch(/^gh_session=/);
      expect(await fresh.dataSource.manager.countBy(UserEntity, { isAdmin: true })).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('signIn / signOut', () => {
  it('sets an httpOnly SameSite=Lax cookie that works for the next request', async () => {
    const { user } = await makeUser(app, { password: PASSWORD });
    const result = await app.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    const setCookie = result.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await app.gql(ME, {}, { cookie: cookieOf(result.headers) });
    expect(me.data).toEqual({ me: { id: user.id, email: user.email } });
  });

  it('answers an unknown email, a wrong password and a deactivated account the same way, and audits failures', async () => {
    const { user } = await makeUser(app, { password: PASSWORD });
    const inactive = await makeUser(app, { password: PASSWORD });
    await app.dataSource.manager.update(UserEntity, { id: inactive.user.id }, { isActive: false });
    const answers = await Promise.all([
      app.gql(SIGN_IN, { e: 'nobody@example.com', p: PASSWORD }),
      app.gql(SIGN_IN, { e: user.email, p: 'not the password!' }),
      app.gql(SIGN_IN, { e: inactive.user.email, p: PASSWORD }),
    ]);
    for (const a of answers) {
      expect(a.errors?.[0]?.message).toBe('The email or password is incorrect.');
      expect(a.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(a.headers.get('set-cookie')).toBeNull();
    }
    expect(await app.dataSource.manager.countBy(AuditEventEntity, { action: 'SIGN_IN_FAILED', userId: user.id })).toBe(1);
  });

  it('throttles repeated failures per account with RATE_LIMITED, even for the right password', async () => {
    const { user } = await makeUser(app, { password: PASSWORD });
    for (let i = 0; i < 10; i++) await app.gql(SIGN_IN, { e: user.email, p: `wrong password ${i}` });
    const blocked = await app.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    expect(blocked.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.message).toMatch(/Try again in \d+ minute/);
  });

  it('signOut ends the session: the old cookie no longer signs anyone in', async () => {
    const { user } = await makeUser(app, { password: PASSWORD });
    const cookie = cookieOf((await app.gql(SIGN_IN, { e: user.email, p: PASSWORD })).headers);
    const out = await app.gql('mutation { signOut }', {}, { cookie });
    expect(out.data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/gh_session=;/);
    expect((await app.gql(ME, {}, { cookie })).data).toEqual({ me: null });
    expect(await app.dataSource.manager.countBy(SessionEntity, { userId: user.id })).toBe(0);
  });

  it('deactivating a user ends their sessions and tokens on the very next request', async () => {
    const target = await makeUser(app, { password: PASSWORD });
    const admin = await makeUser(app, { isAdmin: true });
    const cookie = cookieOf((await app.gql(SIGN_IN, { e: target.user.email, p: PASSWORD })).headers);
    expect((await app.gql(ME, {}, { cookie })).data).toMatchObject({ me: { id: target.user.id } });
    const off = await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { isActive } }', { id: target.user.id }, admin.as);
    expect(off.errors).toBeUndefined();
    expect(off.data).toEqual({ updateUser: { isActive: false } });
    expect((await app.gql(ME, {}, { cookie })).data).toEqual({ me: null });
    const viaToken = await app.gql('{ users { totalCount } }', {}, target.as);
    expect(viaToken.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // reactivating does not bring revoked tokens back
    await app.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: true }) { isActive } }', { id: target.user.id }, admin.as);
    expect(outcome(await app.gql('{ users { totalCount } }', {}, target.as))).toBe('UNAUTHENTICATED');
  });

  it('changePassword needs the current password and ends the other sessions only', async () => {
    const { user } = await makeUser(app, { password: PASSWORD });
    const first = cookieOf((await app.gql(SIGN_IN, { e: user.email, p: PASSWORD })).headers);
    const second = cookieOf((await app.gql(SIGN_IN, { e: user.email, p: PASSWORD })).headers);
    const wrong = await app.gql('mutation { changePassword(currentPassword: "nope nope nope", newPassword: "brand new password") }', {}, { cookie: first });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    const ok = await app.gql(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "brand new password") }`, {}, { cookie: first });
    expect(ok.data).toEqual({ changePassword: true });
    expect((await app.gql(ME, {}, { cookie: first })).data).toMatchObject({ me: { id: user.id } });
    expect((await app.gql(ME, {}, { cookie: second })).data).toEqual({ me: null });
    expect(outcome(await app.gql(SIGN_IN, { e: user.email, p: 'brand new password' }))).toBe('OK');
  });

  it('refuses service accounts at the password sign-in', async () => {
    const svc = await makeUser(app, { kind: 'SERVICE' });
    expect(outcome(await app.gql(SIGN_IN, { e: svc.user.email, p: PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed Authorization header with a clear message', async () => {
    const result = await app.gql('{ users { totalCount } }', {}, { headers: { authorization: 'Token abc' } });
    expect(result.errors?.[0]?.message).toBe('The Authorization header must be "Bearer <API token>".');
  });
});

describe('signUp', () => {
  const SIGN_UP = 'mutation ($i: SetupInput!) { signUp(input: $i) { user { email memberships { group { name } } } } }';
  it('is refused while registration is CLOSED, and works (joining Member) when OPEN', async () => {
    const closed = await app.gql(SIGN_UP, { i: { email: 'self@example.com', displayName: 'Self', password: PASSWORD } });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REGISTRATION_CLOSED' });
    const admin = await makeUser(app, { isAdmin: true });
    await app.gql('mutation { updateSettings(input: { registration: OPEN }) { registration } }', {}, admin.as);
    const open = await app.gql(SIGN_UP, { i: { email: 'self@example.com', displayName: 'Self', password: PASSWORD } });
    expect(open.data).toEqual({ signUp: { user: { email: 'self@example.com', memberships: [{ group: { name: 'Member' } }] } } });
    expect(cookieOf(open.headers)).toMatch(/^gh_session=/);
  });
});

describe('refused credentials', () => {
  it('a refused API token makes even `me` answer UNAUTHENTICATED; an ended cookie session just reads as signed out', async () => {
    const bearer = await app.gql('{ me { id } }', {}, { token: 'ghp_not-a-real-token' });
    expect(bearer.errors?.[0]).toMatchObject({ message: 'The API token is invalid, expired or revoked.', extensions: { code: 'UNAUTHENTICATED' } });
    const cookie = await app.gql('{ me { id } }', {}, { cookie: 'gh_session=stale' });
    expect(cookie.data).toEqual({ me: null });
  });

  it('reactivating a deactivated person puts them back in the default groups', async () => {
    const admin = await makeUser(app, { isAdmin: true });
    const person = await makeUser(app);
    const set = (isActive: boolean) => app.gql('mutation ($id: ID!, $a: Boolean) { updateUser(id: $id, input: { isActive: $a }) { isActive memberships { source group { name } } effectivePermissions } }', { id: person.user.id, a: isActive }, admin.as);
    expect((await set(false)).data).toMatchObject({ updateUser: { isActive: false, memberships: [] } });
    expect((await set(true)).data).toEqual({ updateUser: { isActive: true, memberships: [{ source: 'DEFAULT', group: { name: 'Member' } }], effectivePermissions: ['groups.request'] } });
  });
});
