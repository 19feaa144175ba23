import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../../../test/harness';
import { makeCast, makeUser, outcome, type Cast, type TestUser } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('abilities sent to the client', () => {
  it('viewerAbilities follows the viewer’s role and permissions', async () => {
    const q = '{ viewerAbilities { createUser createGroup definePermission createResource readAudit manageSettings checkOthersAccess } }';
    expect((await app.gql(q, {}, cast.user.as)).data).toEqual({ viewerAbilities: { createUser: false, createGroup: false, definePermission: false, createResource: false, readAudit: false, manageSettings: false, checkOthersAccess: false } });
    expect((await app.gql(q, {}, cast.manager.as)).data).toMatchObject({ viewerAbilities: { createUser: false, createGroup: true } });
    expect((await app.gql(q, {}, cast.admin.as)).data).toEqual({ viewerAbilities: { createUser: true, createGroup: true, definePermission: true, createResource: true, readAudit: true, manageSettings: true, checkOthersAccess: true } });
    expect(outcome(await app.gql(q))).toBe('UNAUTHENTICATED');
  });

  it('User.viewerCan: admins manage others (tokens only for service accounts); people update themselves', async () => {
    const svc = await makeUser(app, { kind: 'SERVICE' });
    const q = 'query ($id: ID!) { user(id: $id) { viewerCan { update setActive setAdmin createToken delete resetPassword } } }';
    expect((await app.gql(q, { id: svc.user.id }, cast.admin.as)).data).toEqual({ user: { viewerCan: { update: true, setActive: true, setAdmin: false, createToken: true, delete: true, resetPassword: false } } });
    expect((await app.gql(q, { id: cast.user.user.id }, cast.admin.as)).data).toEqual({ user: { viewerCan: { update: true, setActive: true, setAdmin: true, createToken: false, delete: true, resetPassword: true } } });
    expect((await app.gql(q, { id: cast.user.user.id }, cast.user.as)).data).toEqual({ user: { viewerCan: { update: true, setActive: false, setAdmin: false, createToken: true, delete: false, resetPassword: false } } });
    expect((await app.gql(q, { id: cast.admin.user.id }, cast.user.as)).data).toEqual({ user: { viewerCan: { update: false, setActive: false, setAdmin: false, createToken: false, delete: false, resetPassword: false } } });
  });
});

/**
 * `User.viewerCan` is the truth the SPA's user pages render from, so each ability must be true
 * exactly when the mutation it stands for goes through (issue 16), for every role and every kind of
 * account concerned: oneself, another person, another administrator, a service account. Each trial
 * uses a fresh viewer and a fresh account, so one trial's change cannot decide another's.
 */
describe('User.viewerCan is true exactly when the mutation it advertises goes through', () => {
  const UPDATE = 'mutation ($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }';
  const ABILITIES: Record<string, (target: TestUser, viewer: TestUser) => Promise<GqlResult<unknown>>> = {
    update: (t, v) => app.gql(UPDATE, { id: t.user.id, i: { displayName: 'Renamed Person' } }, v.as),
    setEmail: (t, v) => app.gql(UPDATE, { id: t.user.id, i: { email: `changed-${t.user.id}@example.com` } }, v.as),
    setActive: (t, v) => app.gql(UPDATE, { id: t.user.id, i: { isActive: false } }, v.as),
    setAdmin: (t, v) => app.gql(UPDATE, { id: t.user.id, i: { isAdmin: !t.user.isAdmin } }, v.as),
    resetPassword: (t, v) => app.gql(UPDATE, { id: t.user.id, i: { password: 'a quite long pass phrase 7431' } }, v.as),
    delete: (t, v) => app.gql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: t.user.id }, v.as),
  };
  const ROLES: Record<string, { permissions?: string[]; isAdmin?: boolean }> = { user: {}, manager: { permissions: ['groups.manage'] }, admin: { isAdmin: true } };
  const TARGETS = ['self', 'person', 'admin', 'service'] as const;

  it('for every role and kind of account (self, a person, an admin, a service account)', { timeout: 120_000 }, async () => {
    const drift: string[] = [];
    for (const [role, traits] of Object.entries(ROLES))
      for (const target of TARGETS)
        for (const [ability, mutate] of Object.entries(ABILITIES)) {
          const viewer = await makeUser(app, traits);
          const subject =
            target === 'self' ? viewer : await makeUser(app, target === 'admin' ? { isAdmin: true } : target === 'service' ? { kind: 'SERVICE' } : {});
          const read = await app.gql<{ user: { viewerCan: Record<string, boolean> } | null }>(
            `query ($id: ID!) { user(id: $id) { viewerCan { ${ability} } } }`,
            { id: subject.user.id },
            viewer.as,
          );
          expect(read.errors).toBeUndefined();
          const advertised = read.data!.user?.viewerCan[ability] ?? false;
          const result = await mutate(subject, viewer);
          const wentThrough = !result.errors;
          if (advertised !== wentThrough) {
            const error = result.errors?.[0];
            drift.push(`${role} → ${target}: viewerCan.${ability} = ${advertised}, the mutation ${wentThrough ? 'went through' : `answered ${String(error?.extensions?.['code'])}/${String(error?.extensions?.['reason'] ?? '')}`}`);
          }
        }
    expect(drift).toEqual([]);
  });
});
