import { statements as rawStatements } from '../../db/raw-sql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser, type TestUser } from '../../../test/factories';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { UserEntity } from '../users/user.entity';
import { GrantEntity } from '../resources/grant.entity';
import { ResourceEntity } from '../resources/resource.entity';
import { AccessCache } from './access-cache';
import { levelFactsMany, MERGE_MAX_GROUPS, reachablePage } from './access.repository';

// The bulk check answers from a cache of access facts (access-cache.ts). These tests show that
// it never answers stale. Every change below is written straight to the tables (TypeORM's manager,
// not the services), as another process or an operator would. Only the database's access epoch
// can tell the cache about such a change.

let app: TestApp;
let asker: TestUser;

const BULK = 'query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }';

/** One resource and the people around it: its owner, a user grant (READ), a group grant (WRITE) held by `member`, and a stranger. */
async function scene(options: { visibility?: 'PUBLIC' | 'PRIVATE'; memberUntil?: Date; grantUntil?: Date } = {}) {
  const [owner, grantee, member, stranger, admin] = await Promise.all([makeUser(app), makeUser(app), makeUser(app), makeUser(app), makeUser(app, { isAdmin: true })]);
  const group = await makeGroup(app);
  await addMember(app, group.id, member.user.id, options.memberUntil ?? null);
  const m = app.dataSource.manager;
  const resource = await m.save(m.create(ResourceEntity, { kind: 'document', name: 'Cached', nameKey: 'cached', description: '', externalId: null, ownerId: owner.user.id, visibility: options.visibility ?? 'PRIVATE' }));
  await m.insert(GrantEntity, { resourceId: resource.id, userId: grantee.user.id, groupId: null, level: 'READ', grantedById: null, expiresAt: options.grantUntil ?? null });
  await m.insert(GrantEntity, { resourceId: resource.id, userId: null, groupId: group.id, level: 'WRITE', grantedById: null, expiresAt: null });
  return { owner, grantee, member, stranger, admin, group, resource };
}
type Scene = Awaited<ReturnType<typeof scene>>;

/** checkAccess over HTTP, for another user (access.check). */
async function askOne(s: Scene, who: TestUser, level: 'READ' | 'WRITE'): Promise<boolean | string> {
  const result = await app.gql<{ checkAccess: boolean }>('query ($r: ID!, $u: ID!, $l: AccessLevel!) { checkAccess(resourceId: $r, userId: $u, level: $l) }', { r: s.resource.id, u: who.user.id, l: level }, asker.as);
  return result.errors?.length ? String(result.errors[0]!.extensions?.['code']) : result.data!.checkAccess;
}

/** The bulk check over HTTP, as an integration asks it. */
async function ask(s: Scene, who: TestUser, level: 'READ' | 'WRITE'): Promise<boolean | string> {
  const result = await app.gql<{ checkAccessMany: boolean[] }>(BULK, { c: [{ userId: who.user.id, resourceId: s.resource.id, level }] }, asker.as);
  return result.errors?.length ? String(result.errors[0]!.extensions?.['code']) : result.data!.checkAccessMany[0]!;
}

const epoch = async () => Number((await app.dataSource.query('SELECT n FROM access_epoch WHERE id = 1'))[0].n);
const past = () => new Date(Date.now() - 60_000);

beforeAll(async () => {
  app = await startTestApp();
  asker = await makeUser(app, { permissions: ['access.check'] });
});
afterAll(() => app.close());

describe('the bulk check never answers from stale facts', () => {
  const changes: { name: string; who: keyof Pick<Scene, 'owner' | 'grantee' | 'member' | 'stranger' | 'admin'>; level: 'READ' | 'WRITE'; before: boolean; after: boolean | string; change: (s: Scene) => Promise<unknown> }[] = [
    { name: 'a user grant is deleted', who: 'grantee', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.delete(GrantEntity, { resourceId: s.resource.id, userId: s.grantee.user.id }) },
    { name: 'a group grant is lowered to READ', who: 'member', level: 'WRITE', before: true, after: false, change: (s) => app.dataSource.manager.update(GrantEntity, { resourceId: s.resource.id, groupId: s.group.id }, { level: 'READ' }) },
    { name: 'a grant is set to have expired', who: 'grantee', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.update(GrantEntity, { resourceId: s.resource.id, userId: s.grantee.user.id }, { expiresAt: past() }) },
    { name: 'a member leaves the group', who: 'member', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id }) },
    { name: 'a membership is set to have expired', who: 'member', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.update(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id }, { expiresAt: past() }) },
    { name: 'the group is deleted', who: 'member', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.delete(GroupEntity, { id: s.group.id }) },
    { name: 'the user is deactivated', who: 'grantee', level: 'READ', before: true, after: false, change: (s) => app.dataSource.manager.update(UserEntity, { id: s.grantee.user.id }, { isActive: false }) },
    { name: 'an admin stops being one', who: 'admin', level: 'WRITE', before: true, after: false, change: (s) => app.dataSource.manager.update(UserEntity, { id: s.admin.user.id }, { isAdmin: false }) },
    { name: 'ownership moves to someone else', who: 'owner', level: 'WRITE', before: true, after: false, change: (s) => app.dataSource.manager.update(ResourceEntity, { id: s.resource.id }, { ownerId: s.grantee.user.id }) },
    { name: 'the resource is made public', who: 'stranger', level: 'READ', before: false, after: true, change: (s) => app.dataSource.manager.update(ResourceEntity, { id: s.resource.id }, { visibility: 'PUBLIC' }) },
    { name: 'a user grant is added', who: 'stranger', level: 'WRITE', before: false, after: true, change: (s) => app.dataSource.manager.insert(GrantEntity, { resourceId: s.resource.id, userId: s.stranger.user.id, groupId: null, level: 'WRITE', grantedById: null, expiresAt: null }) },
    { name: 'someone joins the group', who: 'stranger', level: 'WRITE', before: false, after: true, change: (s) => addMember(app, s.group.id, s.stranger.user.id) },
    { name: 'the resource is deleted', who: 'grantee', level: 'READ', before: true, after: 'NOT_FOUND', change: (s) => app.dataSource.manager.delete(ResourceEntity, { id: s.resource.id }) },
  ];

  // The bulk check and checkAccess answer from the same cache (checkAccess validated against the
  // epoch read with the credential): each change is asked both ways.
  const forms = { 'bulk check': ask, checkAccess: askOne };
  it.each(changes.flatMap((c) => Object.keys(forms).map((form) => ({ ...c, form: form as keyof typeof forms }))))(
    '$name: the next $form sees it',
    async ({ who, level, before, after, change, form }) => {
      const s = await scene();
      // Asked twice, so the second answer comes from the cache.
      expect(await forms[form](s, s[who], level)).toBe(before);
      expect(await forms[form](s, s[who], level)).toBe(before);
      await change(s);
      expect(await forms[form](s, s[who], level)).toBe(after);
    },
  );

  it('a warm check costs no statement of its own: authentication reads the epoch with the credential', async () => {
    const s = await scene();
    expect(await askOne(s, s.member, 'WRITE')).toBe(true);
    expect(await ask(s, s.grantee, 'READ')).toBe(true);
    const statements = vi.spyOn(rawStatements, 'sent');
    expect(await askOne(s, s.member, 'WRITE')).toBe(true);
    expect(await ask(s, s.grantee, 'READ')).toBe(true);
    // One statement per request, the credential's (with the epoch); no epoch or facts read of its own.
    const sql = statements.mock.calls.map(([text]) => String(text));
    statements.mockRestore();
    expect(sql).toHaveLength(2);
    expect(sql.every((text) => text.includes('token_hash') && text.includes('access_epoch'))).toBe(true);
  });

  it('a membership or grant that runs out counts for nothing from that instant, with no write at all', async () => {
    const until = new Date(Date.now() + 1500);
    const s = await scene({ memberUntil: until, grantUntil: until });
    expect([await ask(s, s.member, 'READ'), await ask(s, s.grantee, 'READ')]).toEqual([true, true]);
    const moved = await epoch();
    await new Promise((r) => setTimeout(r, until.getTime() - Date.now() + 50));
    expect([await ask(s, s.member, 'READ'), await ask(s, s.grantee, 'READ')]).toEqual([false, false]);
    expect(await epoch()).toBe(moved);
  });
});

describe('resources (the page reads the user\'s groups from the same cache)', () => {
  const PAGE = 'query ($u: ID) { resources(userId: $u, first: 50) { edges { node { id } } } }';
  const listed = async (s: Scene, who: TestUser) =>
    (await app.gql<{ resources: { edges: { node: { id: string } }[] } }>(PAGE, { u: who.user.id }, asker.as)).data!.resources.edges.some((e) => e.node.id === s.resource.id);

  it('follows a leave and a join on the very next request', async () => {
    const s = await scene();
    expect([await listed(s, s.member), await listed(s, s.member), await listed(s, s.stranger)]).toEqual([true, true, false]);
    await app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
    await addMember(app, s.group.id, s.stranger.user.id);
    expect([await listed(s, s.member), await listed(s, s.stranger)]).toEqual([false, true]);
  });

  it('a page handed groups read at an older epoch reads them again', async () => {
    const s = await scene();
    const other = await makeGroup(app);
    const q = { userId: s.member.user.id, minLevel: 'READ' as const, kind: null, namePattern: null, after: null, limit: 51, withTotal: true };
    // Stale: the member is not in `other`, and is in s.group; the label is an epoch long gone.
    const page = await reachablePage(app.dataSource.manager, { ...q, groups: async () => ({ ids: [other.id], epoch: '-1' }) });
    expect(page.resources.map((r) => r.id)).toContain(s.resource.id);
    expect(page.total).toBe((await reachablePage(app.dataSource.manager, q)).total);
  });

  it('is complete and in order for a user in more groups than a page merges one by one', async () => {
    const user = await makeUser(app);
    const m = app.dataSource.manager;
    const made: string[] = [];
    for (let i = 0; i < MERGE_MAX_GROUPS + 2; i++) {
      const group = await makeGroup(app);
      await addMember(app, group.id, user.user.id);
      const r = await m.save(m.create(ResourceEntity, { kind: 'many-groups', name: `Many ${String(i).padStart(3, '0')}`, nameKey: `many ${String(i).padStart(3, '0')}`, description: '', externalId: null, ownerId: null, visibility: 'PRIVATE' }));
      await m.insert(GrantEntity, { resourceId: r.id, userId: null, groupId: group.id, level: 'READ', grantedById: null, expiresAt: null });
      made.push(r.id);
    }
    const ids: string[] = [];
    let after: string | null = null;
    do {
      type Page = { resources: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
      const page: Page = (await app.gql<never>('query ($u: ID, $a: String) { resources(userId: $u, filter: { kind: "many-groups" }, first: 50, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }', { u: user.user.id, a: after }, asker.as)).data!;
      expect(page.resources.totalCount).toBe(made.length);
      ids.push(...page.resources.edges.map((e) => e.node.id));
      after = page.resources.pageInfo.hasNextPage ? page.resources.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(made);
  });
});

describe('the access epoch', () => {
  it('moves when a transaction that changes access commits, and not when it rolls back', async () => {
    const s = await scene();
    const before = await epoch();
    await app.dataSource.transaction(async (tx) => {
      await tx.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await epoch()).toBe(before);
    await app.dataSource.transaction(async (tx) => {
      await tx.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
      await addMember(app, s.group.id, s.stranger.user.id);
    });
    expect(await epoch()).toBeGreaterThan(before);
  });

  it('does not move for changes that cannot change access (renaming a resource or a user)', async () => {
    const s = await scene();
    const before = await epoch();
    await app.dataSource.manager.update(ResourceEntity, { id: s.resource.id }, { name: 'Renamed', nameKey: 'renamed' });
    await app.dataSource.manager.update(UserEntity, { id: s.member.user.id }, { displayName: 'Renamed', nameKey: 'renamed' });
    expect(await epoch()).toBe(before);
  });
});

describe('AccessCache', () => {
  // This file's own caches (one per budget), beside the one the server made for itself: as another
  // process's would, they see every change only through the access epoch.
  const caches = new Map<number, AccessCache>();
  const cacheOf = (size: number) => {
    let cache = caches.get(size);
    if (!cache) caches.set(size, (cache = new AccessCache(app.dataSource, size)));
    return cache;
  };

  it('keeps nothing when the epoch row is missing, so it cannot go stale', async () => {
    const s = await scene();
    const pairs = [{ userId: s.member.user.id, resourceId: s.resource.id }];
    const [row] = await app.dataSource.query('SELECT n FROM access_epoch WHERE id = 1');
    await app.dataSource.query('DELETE FROM access_epoch');
    try {
      expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBe(2);
      await app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
      expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBeNull();
      // A page, which compares epochs, still lists what the user reaches (and no more).
      const q = { userId: s.grantee.user.id, minLevel: 'READ' as const, kind: null, namePattern: null, after: null, limit: 51, withTotal: true };
      expect((await reachablePage(app.dataSource.manager, q)).resources.map((r) => r.id)).toContain(s.resource.id);
    } finally {
      // Put back one past where it was: a cache still at the old number must not take the changes
      // made meanwhile (unlogged) for none. The old number itself is refused.
      await expect(app.dataSource.manager.insert('access_epoch', { id: 1, n: row.n })).rejects.toThrow(/never goes back/);
      await app.dataSource.manager.insert('access_epoch', { id: 1, n: Number(row.n) + 1 });
    }
  });

  /** The ids a facts statement asked for (PostgreSQL binds arrays, SQLite JSON text). */
  const asked = (spy: { mock: { calls: unknown[][] } }) => {
    const call = spy.mock.calls.find(([sql]) => String(sql).includes('FROM access_grant g WHERE'));
    const params = call?.[1] as { users: unknown; resources: unknown } | undefined;
    const list = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v as string[]));
    return params ? { users: list(params.users), resources: list(params.resources) } : null;
  };

  it('reads only the epoch once it holds the facts, and after a change only what the change touched', async () => {
    const [s, t] = [await scene(), await scene()];
    const people = [s.owner, s.grantee, s.member, s.stranger];
    const pairs = people.flatMap((u) => [s, t].map((x) => ({ userId: u.user.id, resourceId: x.resource.id })));
    const statements = vi.spyOn(rawStatements, 'sent');
    const first = await cacheOf(1000).levelFacts(pairs);
    expect(statements).toHaveBeenCalledTimes(2); // the epoch, then the facts
    statements.mockClear();
    expect(await cacheOf(1000).levelFacts(pairs)).toEqual(first);
    expect(statements).toHaveBeenCalledTimes(1); // the epoch only
    // A visibility change touches one resource; a leave touches one user.
    await app.dataSource.manager.update(ResourceEntity, { id: s.resource.id }, { visibility: 'PUBLIC' });
    await app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
    statements.mockClear();
    const after = await cacheOf(1000).levelFacts(pairs);
    expect(statements).toHaveBeenCalledTimes(3); // the epoch, what changed, the facts of what changed
    expect(asked(statements)).toEqual({ users: [s.member.user.id], resources: [s.resource.id] });
    statements.mockRestore();
    expect(after.map((f) => f.visibility)).toEqual(people.flatMap(() => ['PUBLIC', 'PRIVATE']));
    expect(after.map((f) => f.bestGrant)).toEqual((await levelFactsMany(app.dataSource.manager, pairs)).map((f) => f.bestGrant));
    expect(after[4]!.bestGrant).toBeNull(); // the member, on s's resource, after leaving
  });

  it('starts over when the change log cannot say what changed (an epoch missing from it)', async () => {
    const s = await scene();
    const pairs = [{ userId: s.member.user.id, resourceId: s.resource.id }];
    expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBe(2);
    const before = await epoch();
    await app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id });
    await app.dataSource.query(`DELETE FROM access_change WHERE epoch > ${before}`);
    const statements = vi.spyOn(rawStatements, 'sent');
    expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBeNull();
    expect(asked(statements)).toEqual({ users: [s.member.user.id], resources: [s.resource.id] }); // everything again
    statements.mockRestore();
  });

  it('starts over when the epoch row was deleted and put back while it was not looking', async () => {
    const s = await scene();
    const pairs = [{ userId: s.member.user.id, resourceId: s.resource.id }];
    expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBe(2);
    const n = await epoch();
    await app.dataSource.query('DELETE FROM access_epoch');
    await app.dataSource.manager.delete(MembershipEntity, { groupId: s.group.id, userId: s.member.user.id }); // moves nothing, logs nothing
    await app.dataSource.manager.insert('access_epoch', { id: 1, n: n + 1 });
    expect((await cacheOf(1000).levelFacts(pairs))[0]!.bestGrant).toBeNull();
  });

  it('never lets the epoch go back, which the cache relies on', async () => {
    const n = await epoch();
    await expect(app.dataSource.query('UPDATE access_epoch SET n = n - 1 WHERE id = 1')).rejects.toThrow(/never goes back/);
    expect(await epoch()).toBe(n);
  });

  it('gives the answers of levelFactsMany, however small its budget', async () => {
    const scenes = [await scene(), await scene({ visibility: 'PUBLIC' })];
    const people = scenes.flatMap((s) => [s.owner, s.grantee, s.member, s.stranger, s.admin]);
    const pairs = people.flatMap((u) => scenes.map((s) => ({ userId: u.user.id, resourceId: s.resource.id })));
    pairs.push({ userId: people[0]!.user.id, resourceId: '00000000-0000-0000-0000-000000000000' });
    // The same facts whatever the dialect's types (SQLite's 0/1, PostgreSQL's bigint text); an unknown resource is only that.
    const normal = (rows: Awaited<ReturnType<typeof levelFactsMany>>) =>
      rows.map((f) => (f.resourceId ? { resourceId: f.resourceId, ownerId: f.ownerId, visibility: f.visibility, bestGrant: f.bestGrant === null ? null : Number(f.bestGrant), isActive: Boolean(f.isActive), isAdmin: Boolean(f.isAdmin) } : null));
    const truth = normal(await levelFactsMany(app.dataSource.manager, pairs));
    expect(truth.filter((f) => f?.bestGrant === 2).length).toBeGreaterThan(0);
    for (const size of [1, 3, 1000]) {
      // Twice each: once filling the cache, once answering from it.
      expect(normal(await cacheOf(size).levelFacts(pairs))).toEqual(truth);
      expect(normal(await cacheOf(size).levelFacts(pairs))).toEqual(truth);
    }
  });
  it('reads what several requests lack in one statement, when they ask together', async () => {
    const scenes = [await scene(), await scene(), await scene()];
    await cacheOf(1000).levelFacts([{ userId: scenes[0]!.owner.user.id, resourceId: scenes[0]!.resource.id }]);
    const [{ n }] = (await app.dataSource.query('SELECT n FROM access_epoch WHERE id = 1')) as [{ n: string | number }];
    const statements = vi.spyOn(rawStatements, 'sent');
    const answers = await Promise.all(
      scenes.map((x) => cacheOf(1000).levelFacts([{ userId: x.member.user.id, resourceId: x.resource.id }], new Date(), String(n))),
    );
    const facts = statements.mock.calls.filter(([sql]) => String(sql).includes('FROM access_grant g WHERE'));
    statements.mockRestore();
    expect(facts).toHaveLength(1);
    expect(answers.map(([row]) => [row!.resourceId, row!.bestGrant])).toEqual(scenes.map((x) => [x.resource.id, 2]));
  });
});
