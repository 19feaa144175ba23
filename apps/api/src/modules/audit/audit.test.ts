import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeCast, makeGroup, makeUser, outcome, type Cast } from '../../../test/factories';

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

const Q = 'query ($f: AuditFilter, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id action actorId groupId userId } } } }';
type Page = { auditEvents: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; action: string; actorId: string | null; groupId: string | null; userId: string | null } }[] } };

describe('auditEvents', () => {
  it('is for signed-in users only', async () => {
    expect(outcome(await app.gql(Q, {}))).toBe('UNAUTHENTICATED');
  });

  it('admins and audit.read holders read everything; others read their own and their led groups’ events', async () => {
    const outsider = await makeUser(app);
    const auditor = await makeUser(app, { permissions: ['audit.read'] });
    const group = await makeGroup(app, { leaders: [cast.leader.user.id] });
    await app.gql('mutation ($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { source } }', { g: group.id, u: [outsider.user.id] }, cast.admin.as);
    const idsOf = async (as: typeof cast.user.as, f = {}) => ((await app.gql(Q, { f, first: 100 }, as)).data as Page).auditEvents.edges.map((e) => e.node);
    const forGroup = (events: { groupId: string | null }[]) => events.filter((e) => e.groupId === group.id).length;
    expect(forGroup(await idsOf(cast.admin.as))).toBe(1);
    expect(forGroup(await idsOf(auditor.as))).toBe(1);
    expect(forGroup(await idsOf(cast.leader.as))).toBe(1);
    expect(forGroup(await idsOf(outsider.as))).toBe(1); // it is about them
    expect(forGroup(await idsOf(cast.user.as))).toBe(0);
    const mine = await idsOf(cast.user.as);
    expect(mine.every((e) => e.userId === cast.user.user.id || e.actorId === cast.user.user.id)).toBe(true);
  });

  it('pages newest first without gaps or repeats, and filters by action', async () => {
    for (let i = 0; i < 5; i++) await makeUser(app);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = (await app.gql(Q, { f: { action: 'user_created' }, first: 3, after }, cast.admin.as)).data as Page;
      seen.push(...page.auditEvents.edges.map((e) => e.node.id));
      expect(page.auditEvents.edges.every((e) => e.node.action === 'USER_CREATED')).toBe(true);
      after = page.auditEvents.pageInfo.hasNextPage ? page.auditEvents.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    expect(seen.length).toBeGreaterThanOrEqual(9);
  });

  it('refuses a forged cursor and over-large pages', async () => {
    expect(outcome(await app.gql(Q, { after: 'bogus' }, cast.admin.as))).toBe('BAD_USER_INPUT');
    expect(outcome(await app.gql(Q, { first: 1000 }, cast.admin.as))).toBe('BAD_USER_INPUT');
  });

  it('records a user whose name and email are both as long as allowed (the label outgrows its column)', async () => {
    const displayName = `Long ${'n'.repeat(180)} 😀`.padEnd(199, 'n');
    const email = `${'e'.repeat(242)}@example.com`;
    const made = await app.gql<{ createUser: { id: string } }>('mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { displayName, email } }, cast.admin.as);
    expect(made.errors).toBeUndefined();
    const events = ((await app.gql(Q, { f: { userId: made.data!.createUser.id }, first: 5 }, cast.admin.as)).data as Page).auditEvents.edges;
    expect(events.map((e) => e.node.action)).toContain('USER_CREATED');
  });
});
