import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeUser, outcome, type Cast } from '../../../test/factories';

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
