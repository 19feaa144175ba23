import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInGroup } from '../src/modules/groups/built-in-groups';
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

  it('permissionLossPolicy: the cascade B runs when a member loses groups.request', async () => {
    const member = await builtInGroup(a.dataSource.manager, 'MEMBER');
    for (const [policy, stays] of [['KEEP', 1], ['REMOVE_NON_PUBLIC', 0], ['KEEP', 1]] as const) {
      const person = await makeUser(a); // in Member, which gives groups.request
      const group = await makeGroup(a, { members: [person.user.id] });
      await b.gql('{ settings { permissionLossPolicy } }', {}, cast.admin.as);
      await set({ permissionLossPolicy: policy });
      const removed = await b.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: member.id, u: [person.user.id] }, cast.admin.as);
      expect(removed.errors).toBeUndefined();
      const count = await b.gql<{ group: { memberCount: number } }>('query ($id: ID!) { group(id: $id) { memberCount } }', { id: group.id }, cast.admin.as);
      expect(count.data!.group.memberCount).toBe(stays);
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

describe('an access change made through server A is answered by server B on the next request', () => {
  it('a revoked grant, a grant to a group the user is then removed from, a deactivated user', async () => {
    const owner = await makeUser(a, { permissions: ['resources.create'] });
    const reader = await makeUser(a);
    // the owner is a member too: a group is shared with by its members (shareable MEMBERS)
    const group = await makeGroup(a, { members: [reader.user.id, owner.user.id] });
    const id = (await a.gql<{ createResource: { id: string } }>('mutation { createResource(input: { kind: "doc", name: "Runbook" }) { id } }', {}, owner.as)).data!.createResource.id;
    const ask = async () =>
      (await b.gql<{ checkAccess: boolean }>('query ($r: ID!, $u: ID!) { checkAccess(resourceId: $r, userId: $u, level: READ) }', { r: id, u: reader.user.id }, cast.admin.as)).data!.checkAccess;
    const grant = async (to: Record<string, string>) => {
      const made = await a.gql<{ grantAccess: { id: string } }>('mutation ($r: ID!, $u: ID, $g: ID) { grantAccess(resourceId: $r, userId: $u, groupId: $g, level: READ) { id } }', { r: id, ...to }, owner.as);
      expect(made.errors).toBeUndefined();
      return made.data!.grantAccess.id;
    };

    const direct = await grant({ u: reader.user.id });
    expect(await ask()).toBe(true);
    expect((await a.gql('mutation ($g: ID!) { revokeAccess(grantId: $g) }', { g: direct }, owner.as)).errors).toBeUndefined();
    expect(await ask()).toBe(false);

    await grant({ g: group.id });
    expect(await ask()).toBe(true);
    expect((await a.gql('mutation ($g: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $g, userIds: $u) }', { g: group.id, u: [reader.user.id] }, cast.admin.as)).errors).toBeUndefined();
    expect(await ask()).toBe(false);

    await grant({ u: reader.user.id });
    expect(await ask()).toBe(true);
    expect((await a.gql('mutation ($u: ID!) { updateUser(id: $u, input: { isActive: false }) { id } }', { u: reader.user.id }, cast.admin.as)).errors).toBeUndefined();
    expect(await ask()).toBe(false);
  });
});
