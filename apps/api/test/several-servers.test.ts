import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCast, makeGroup, makeUser, type Cast } from './factories';
import { startTestApp, type TestApp } from './harness';

/**
 * Two servers on one database (SPEC §16): each has its own data source, pool and per-process caches
 * (settings, access facts), as separate processes do. A change made through one server is answered
 * by the other on its very next request — the other has just answered from its caches, so a cache
 * that were not checked against the database would answer from the old state.
 */
let a: TestApp;
let b: TestApp;
let cast: Cast;

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { sameDatabaseAs: a });
  cast = await makeCast(a);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const set = async (input: Record<string, unknown>) => {
  const result = await a.gql('mutation ($i: SettingsInput!) { updateSettings(input: $i) { __typename } }', { i: input }, cast.admin.as);
  expect(result.errors).toBeUndefined();
};

describe('a settings change made through server A is answered by server B on the next request', () => {
  it('adminBypass: checkAccess, accessLevel, checkAccessMany and explainAccess for an admin on another user\'s resource', async () => {
    const owner = await makeUser(a, { permissions: ['resources.create'] });
    const created = await b.gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "doc", name: "Private notes" }) { id } }', {}, owner.as);
    const id = created.data!.createResource.id;
    const ask = () =>
      b.gql<{ accessLevel: string; checkAccess: boolean; checkAccessMany: boolean[]; explainAccess: { level: string } }>(
        'query ($id: ID!) { accessLevel(resourceId: $id) checkAccess(resourceId: $id, level: WRITE) checkAccessMany(checks: [{ resourceId: $id, level: READ }]) explainAccess(resourceId: $id) { level } }',
        { id },
        cast.admin.as,
      );
    for (const bypass of [false, true, false]) {
      expect((await ask()).errors).toBeUndefined(); // B's caches are warm with the old value
      await set({ adminBypass: bypass });
      const answer = (await ask()).data!;
      expect(answer).toEqual(
        bypass
          ? { accessLevel: 'WRITE', checkAccess: true, checkAccessMany: [true], explainAccess: { level: 'WRITE' } }
          : { accessLevel: 'NONE', checkAccess: false, checkAccessMany: [false], explainAccess: { level: 'NONE' } },
      );
    }
  });

  it('registration: the public sign-in facts, read without signing in', async () => {
    const ask = async () => (await b.gql<{ authConfig: { registration: string } }>('{ authConfig { registration } }')).data!.authConfig.registration;
    for (const registration of ['OPEN', 'CLOSED', 'OPEN', 'CLOSED']) {
      await ask();
      await set({ registration });
      expect(await ask()).toBe(registration);
    }
  });

  it('autoLeave: Group.viewerCan.leave for a member of a group that needs approval', async () => {
    const group = await makeGroup(a, { members: [cast.user.user.id] });
    const ask = async () =>
      (await b.gql<{ group: { viewerCan: { leave: boolean } } }>('query ($id: ID!) { group(id: $id) { viewerCan { leave } } }', { id: group.id }, cast.user.as)).data!.group.viewerCan.leave;
    for (const autoLeave of [true, false, true, false]) {
      await ask();
      await set({ autoLeave });
      expect(await ask()).toBe(autoLeave);
    }
  });

  it('allowSelfApproval: a leader deciding their own join request', async () => {
    for (const allow of [true, false]) {
      const group = await makeGroup(a, { leaders: [cast.leader.user.id] });
      const joined = await b.gql<{ joinGroup: { request: { id: string } } }>('mutation ($g: ID!) { joinGroup(groupId: $g, reason: "please") { request { id } } }', { g: group.id }, cast.leader.as);
      const requestId = joined.data!.joinGroup.request.id;
      await b.gql('{ settings { allowSelfApproval } }', {}, cast.admin.as);
      await set({ allowSelfApproval: allow });
      const decided = await b.gql('mutation ($r: ID!) { approveRequest(requestId: $r) { status } }', { r: requestId }, cast.leader.as);
      if (allow) expect(decided.errors).toBeUndefined();
      else expect(decided.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('every setting, as the settings page on B reads it', async () => {
    const read = async () => (await b.gql<{ settings: Record<string, unknown> }>('{ settings { adminBypass registration autoLeave allowSelfApproval permissionLossPolicy } }', {}, cast.admin.as)).data!.settings;
    const states = [
      { adminBypass: false, registration: 'OPEN', autoLeave: true, allowSelfApproval: true, permissionLossPolicy: 'KEEP' },
      { adminBypass: true, registration: 'CLOSED', autoLeave: false, allowSelfApproval: false, permissionLossPolicy: 'REMOVE_NON_PUBLIC' },
    ];
    for (const state of states) {
      await read();
      await set(state);
      expect(await read()).toEqual(state);
    }
  });
});
