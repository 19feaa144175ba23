import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../../test/harness';
import { makeCast, type Cast } from '../../test/factories';
import { GroupEntity } from '../modules/groups/group.entity';
import { encodeCursor } from './pagination';

/**
 * The storable-text rule in front of every field with arguments (argument-guard.ts), seen from a
 * client: refused as BAD_USER_INPUT / VALIDATION naming the field, before any statement runs — on
 * PostgreSQL these values used to fail the statement (NUL) or end the process.
 */
let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app, { internal: false });
});
afterAll(() => app.close());

const CREATE = 'mutation ($i: CreateGroupInput!) { createGroup(input: $i) { id description metadata } }';
let n = 0;
const name = () => `Guarded ${n++} ${Date.now()}`;

function refusal(result: GqlResult<unknown>) {
  expect(result.status).toBeLessThan(500);
  const error = result.errors?.[0];
  return { code: error?.extensions?.['code'], reason: error?.extensions?.['reason'], fields: (error?.extensions?.['details'] as { field: string }[] | undefined)?.map((d) => d.field), message: error?.message };
}

async function healthy(): Promise<void> {
  expect((await app.fetch('/healthz')).status).toBe(200);
  expect((await app.gql('{ me { id } }', {}, cast.admin.as)).data).toMatchObject({ me: { id: cast.admin.user.id } });
}

describe('the storable-text rule on every argument', () => {
  it('refuses a NUL in a nested input field, naming it, and stores nothing', async () => {
    const before = await app.dataSource.manager.count(GroupEntity);
    const result = await app.gql(CREATE, { i: { name: name(), description: 'a\u0000b' } }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION', fields: ['description'], message: expect.stringMatching(/U\+0000/) });
    expect(await app.dataSource.manager.count(GroupEntity)).toBe(before);
  });

  it('refuses a NUL in the directory search (it used to stop the process on PostgreSQL)', async () => {
    const result = await app.gql('query ($s: String) { groups(filter: { search: $s }) { totalCount } }', { s: 'a\u0000b' }, cast.user.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.search'] });
    await healthy();
  });

  it('covers string literals in the document as well as variables', async () => {
    const result = await app.gql('{ groups(filter: { search: "a\\u0000b" }) { totalCount } }', {}, cast.user.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.search'] });
  });

  it('covers fields below the root', async () => {
    const result = await app.gql('query ($g: ID!) { group(id: $g) { name members(search: "\\u0007") { totalCount } } }', { g: cast.group.id }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['search'] });
    expect(result.errors?.[0]?.path).toEqual(['group', 'members']);
  });

  it('names the item of a list that holds the problem', async () => {
    const checks = [
      { resourceId: '00000000-0000-0000-0000-000000000000', level: 'READ' },
      { resourceId: '00000000-0000-0000-0000-00000000000\u0000', level: 'READ' },
    ];
    const result = await app.gql('query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }', { c: checks }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['checks.1.resourceId'] });
  });

  it('refuses unpaired surrogates rather than storing U+FFFD in their place', async () => {
    const result = await app.gql(CREATE, { i: { name: `${name()} \ud83d` } }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'], message: expect.stringMatching(/unpaired surrogate/) });
  });

  it('keeps tabs, line breaks, right-to-left text and emoji as sent', async () => {
    const description = 'line one\r\n\tשלום 😀 \u202eok';
    const result = await app.gql<{ createGroup: { description: string } }>(CREATE, { i: { name: name(), description } }, cast.admin.as);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createGroup.description).toBe(description);
  });

  it('refuses metadata nested 5,000 deep (it used to overflow the stack) and checks its keys', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const response = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.admin.token}` },
      body: `{"query":${JSON.stringify(CREATE)},"variables":{"i":{"name":"${name()}","metadata":${deep}}}}`,
    });
    const body = (await response.json()) as GqlResult<unknown>;
    expect(refusal({ ...body, status: response.status })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['metadata'], message: expect.stringMatching(/nested more than 20 levels/) });
    const key = await app.gql(CREATE, { i: { name: name(), metadata: { 'bad\u0000key': true } } }, cast.admin.as);
    expect(refusal(key)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['metadata'] });
    await healthy();
  });
});

describe('other refusals that used to be INTERNAL_SERVER_ERROR', () => {
  it('more than 50 invalid checkAccessMany entries: every error is BAD_USER_INPUT', async () => {
    const checks = Array.from({ length: 60 }, () => ({ resourceId: '00000000-0000-0000-0000-000000000000', level: 'NOT_A_LEVEL' }));
    const result = await app.gql('query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }', { c: checks }, cast.admin.as);
    expect(result.status).toBe(400);
    expect(result.errors?.length).toBe(51);
    expect(new Set(result.errors?.map((e) => e.extensions?.['code']))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it.each([
    ['groups(filter: { search })', 200, 'query ($s: String) { groups(filter: { search: $s }) { totalCount } }'],
    ['resources(filter: { search })', 200, 'query ($s: String) { resources(filter: { search: $s }) { totalCount } }'],
    ['resources(filter: { kind })', 40, 'query ($s: String) { resources(filter: { kind: $s }) { totalCount } }'],
    ['users(search)', 200, 'query ($s: String) { users(search: $s) { totalCount } }'],
    ['Group.members(search)', 200, 'query ($s: String) { group(id: "GROUP_ID") { members(search: $s) { totalCount } } }'],
  ])('caps %s at %i characters', async (_label, max, query) => {
    const q = query.replace('GROUP_ID', cast.group.id);
    expect((await app.gql(q, { s: 'x'.repeat(max) }, cast.admin.as)).errors).toBeUndefined();
    const result = await app.gql(q, { s: 'x'.repeat(max + 1) }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION', message: expect.stringMatching(new RegExp(`at most ${max} characters`)) });
  });

  it.each([
    ['groups', '{ groups(after: $a) { totalCount } }', [1, 2]],
    ['groups, a cursor of the right length with a non-id', '{ groups(after: $a) { totalCount } }', ['name', 'not-a-uuid']],
    ['users', '{ users(after: $a) { totalCount } }', ['name', 7]],
    ['auditEvents, an id past 32 bits', '{ auditEvents(after: $a) { pageInfo { hasNextPage } } }', ['9999999999']],
    ['groupRequests', '{ groupRequests(after: $a) { totalCount } }', ['yesterday', '00000000-0000-0000-0000-000000000000']],
    ['notifications', '{ notifications(after: $a) { unreadCount } }', [1, '00000000-0000-0000-0000-000000000000']],
    ['resources', '{ resources(after: $a) { totalCount } }', ['kind', 'name', 5]],
  ])('refuses a forged cursor for %s as INVALID_CURSOR before any statement', async (_label, selection, values) => {
    const result = await app.gql(`query ($a: String) ${selection}`, { a: encodeCursor(values as (string | number)[]) }, cast.admin.as);
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});
