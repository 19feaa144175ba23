import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser, type TestUser } from '../../../test/factories';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { GrantEntity } from '../resources/grant.entity';
import { ResourceEntity } from '../resources/resource.entity';
import { mulberry32 } from '../../../test/seeded-random';

/** Deterministic, so a failure reproduces with the same seed. */
const rng = mulberry32;

type Level = 'NONE' | 'READ' | 'WRITE';
const RANK: Record<Level, number> = { NONE: 0, READ: 1, WRITE: 2 };
const SEED = 20261122;

let app: TestApp;
let asker: TestUser;
const users: { id: string; active: boolean; admin: boolean }[] = [];
const resources: { id: string; kind: string; name: string; ownerId: string | null; visibility: 'PUBLIC' | 'PRIVATE' }[] = [];
const memberships: { userId: string; groupId: string; current: boolean }[] = [];
const grants: { resourceId: string; userId: string | null; groupId: string | null; level: 'READ' | 'WRITE'; current: boolean }[] = [];

/** The oracle: SPEC §11 written out independently of the implementation. */
function expected(userId: string, resourceId: string): Level {
  const u = users.find((x) => x.id === userId)!;
  const r = resources.find((x) => x.id === resourceId)!;
  if (!u.active) return 'NONE';
  const levels: Level[] = ['NONE'];
  if (u.admin) levels.push('WRITE'); // adminBypass is on by default
  if (r.ownerId === userId) levels.push('WRITE');
  if (r.visibility === 'PUBLIC') levels.push('READ');
  for (const g of grants) {
    if (g.resourceId !== resourceId || !g.current) continue;
    if (g.userId === userId) levels.push(g.level);
    if (g.groupId && memberships.some((m) => m.userId === userId && m.groupId === g.groupId && m.current)) levels.push(g.level);
  }
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
}

beforeAll(async () => {
  app = await startTestApp();
  asker = await makeUser(app, { permissions: ['access.check'] });
  const random = rng(SEED);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const past = new Date(Date.now() - 3600_000);
  const future = new Date(Date.now() + 3600_000);
  for (let i = 0; i < 12; i++) {
    const u = await makeUser(app, { isAdmin: i === 0 });
    const active = i === 1 ? false : random() > 0.1;
    if (!active) await app.dataSource.manager.update(UserEntity, { id: u.user.id }, { isActive: false });
    users.push({ id: u.user.id, active, admin: i === 0 });
  }
  const groups = [];
  for (let i = 0; i < 6; i++) groups.push(await makeGroup(app));
  for (const u of users) {
    for (const g of groups) {
      if (random() < 0.35) {
        const expired = random() < 0.25;
        await addMember(app, g.id, u.id, expired ? past : random() < 0.3 ? future : null);
        memberships.push({ userId: u.id, groupId: g.id, current: !expired });
      }
    }
  }
  for (let i = 0; i < 15; i++) {
    const ownerId = random() < 0.8 ? pick(users).id : null;
    const visibility = random() < 0.2 ? 'PUBLIC' : 'PRIVATE';
    const kind = pick(['model', 'tool', 'document']);
    // Names repeat, so pages must break ties on id.
    const r = await app.dataSource.manager.save(app.dataSource.manager.create(ResourceEntity, { kind, name: `Resource ${i % 6}`, nameKey: `resource ${i % 6}`, description: '', externalId: null, ownerId, visibility }));
    resources.push({ id: r.id, kind, name: r.name, ownerId, visibility });
    const principals = new Set<string>();
    for (let k = 0; k < 5; k++) {
      const toGroup = random() < 0.5;
      const principal = toGroup ? pick(groups).id : pick(users).id;
      if (principals.has(principal)) continue;
      principals.add(principal);
      const expired = random() < 0.2;
      const level = random() < 0.5 ? 'READ' : 'WRITE';
      await app.dataSource.manager.insert(GrantEntity, { resourceId: r.id, userId: toGroup ? null : principal, groupId: toGroup ? principal : null, level, grantedById: null, expiresAt: expired ? past : random() < 0.3 ? future : null });
      grants.push({ resourceId: r.id, userId: toGroup ? null : principal, groupId: toGroup ? principal : null, level, current: !expired });
    }
  }
  // Renamed after their grants exist: grants carry copies of kind and name for page order, and the
  // pages below must still be complete and in order.
  for (const r of resources.filter(() => random() < 0.4)) {
    r.name = `Renamed ${Math.floor(random() * 4)}`;
    await app.dataSource.manager.update(ResourceEntity, { id: r.id }, { name: r.name, nameKey: r.name.toLowerCase() });
  }
});
afterAll(() => app.close());

/** Every answer for every user × resource, against the oracle: the mismatches, none expected. */
async function disagreements(): Promise<string[]> {
  const mismatches: string[] = [];
  const bulkChecks = users.flatMap((u) => resources.flatMap((r) => (['READ', 'WRITE'] as const).map((level) => ({ userId: u.id, resourceId: r.id, level }))));
  const bulk = (await app.gql<{ checkAccessMany: boolean[] }>('query ($c: [AccessCheckInput!]!) { checkAccessMany(checks: $c) }', { c: bulkChecks }, asker.as)).data!.checkAccessMany;
  for (const u of users) {
    const fields = resources.map((r, i) => `l${i}: accessLevel(resourceId: "${r.id}", userId: "${u.id}") e${i}: explainAccess(resourceId: "${r.id}", userId: "${u.id}") { level } cr${i}: checkAccess(resourceId: "${r.id}", userId: "${u.id}", level: READ) cw${i}: checkAccess(resourceId: "${r.id}", userId: "${u.id}", level: WRITE)`);
    // four aliases per resource: seven resources per document stay under LIMITS.maxQueryAliases
    const answers: Record<string, unknown> = {};
    for (let at = 0; at < fields.length; at += 7) {
      Object.assign(answers, (await app.gql<Record<string, unknown>>(`{ ${fields.slice(at, at + 7).join(' ')} }`, {}, asker.as)).data!);
    }
    /**
     * Every page of resources(userId, minLevel, kind), checking totalCount against what the pages
     * hold, and each name against the resource's. Selecting only id, kind and name reads the page
     * from its indexes (grants' copies of the name); selecting more (`whole`) reads the resources.
     */
    const reachable = async (minLevel: Level, kind: string | null = null, whole = false) => {
      const ids = new Set<string>();
      let after: string | null = null;
      let total = -1;
      let last: readonly [string, string, string] | null = null;
      do {
        type Page = { resources: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; kind: string; name: string } }[] } };
        const page: Page = (await app.gql<never>(`query ($u: ID, $m: AccessLevel, $k: String, $a: String) { resources(userId: $u, filter: { minLevel: $m, kind: $k }, first: 4, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind name${whole ? ' description' : ''} } } } }`, { u: u.id, m: minLevel, k: kind, a: after }, asker.as)).data!;
        for (const { node } of page.resources.edges) {
          const name = resources.find((r) => r.id === node.id)?.name;
          if (node.name !== name) mismatches.push(`user ${u.id} ${minLevel} ${kind ?? ''}${whole ? ' whole' : ''}: ${node.id} listed as ${node.name}, named ${name}`);
          if (ids.has(node.id)) mismatches.push(`user ${u.id} ${minLevel} ${kind ?? ''}: ${node.id} listed twice`);
          ids.add(node.id);
          const key = [node.kind, node.name.toLowerCase(), node.id] as const;
          if (last && (key[0] < last[0] || (key[0] === last[0] && (key[1] < last[1] || (key[1] === last[1] && key[2] <= last[2]))))) {
            mismatches.push(`user ${u.id} ${minLevel} ${kind ?? ''}: ${key.join('/')} listed after ${last.join('/')}`);
          }
          last = key;
        }
        total = page.resources.totalCount;
        after = page.resources.pageInfo.hasNextPage ? page.resources.pageInfo.endCursor : null;
      } while (after);
      if (total !== ids.size) mismatches.push(`user ${u.id} ${minLevel} ${kind ?? ''}: totalCount ${total}, pages held ${ids.size}`);
      return ids;
    };
    for (const kind of ['model', 'tool']) {
      const got = await reachable('READ', kind);
      const want = resources.filter((r) => r.kind === kind && RANK[expected(u.id, r.id)] >= 1).map((r) => r.id);
      if (got.size !== want.length || want.some((id) => !got.has(id))) mismatches.push(`user ${u.id} kind ${kind}: listed ${[...got].join(',')}`);
    }
    const readable = await reachable('READ');
    const readableWhole = await reachable('READ', null, true);
    if ([...readable].join() !== [...readableWhole].join()) mismatches.push(`user ${u.id}: whole resources listed ${[...readableWhole].join(',')}`);
    const writable = await reachable('WRITE');
    resources.forEach((r, i) => {
      const want = expected(u.id, r.id);
      const got = {
        level: answers[`l${i}`],
        explain: (answers[`e${i}`] as { level: string }).level,
        checkRead: answers[`cr${i}`],
        checkWrite: answers[`cw${i}`],
        listRead: readable.has(r.id),
        listWrite: writable.has(r.id),
        bulkRead: bulk[bulkChecks.findIndex((c) => c.userId === u.id && c.resourceId === r.id && c.level === 'READ')],
        bulkWrite: bulk[bulkChecks.findIndex((c) => c.userId === u.id && c.resourceId === r.id && c.level === 'WRITE')],
      };
      const ok =
        got.level === want && got.explain === want &&
        got.checkRead === RANK[want] >= 1 && got.checkWrite === RANK[want] >= 2 &&
        got.listRead === RANK[want] >= 1 && got.listWrite === RANK[want] >= 2 &&
        got.bulkRead === RANK[want] >= 1 && got.bulkWrite === RANK[want] >= 2;
      if (!ok) mismatches.push(`user ${u.id} resource ${r.id}: expected ${want}, got ${JSON.stringify(got)}`);
    });
  }
  return mismatches;
}

describe(`access answers agree with each other and with SPEC §11 (seed ${SEED})`, () => {
  it('accessLevel, checkAccess, explainAccess.level, the bulk check and resources all give the same level for every user × resource', async () => {
    expect(await disagreements()).toEqual([]);
    // the generated data must exercise every path, or the test proves less than it claims
    const levels = users.flatMap((u) => resources.map((r) => expected(u.id, r.id)));
    expect(new Set(levels)).toEqual(new Set(['NONE', 'READ', 'WRITE']));
  });

  // The bulk check answers from a cache of facts (access-cache.ts), warm after the test above. Random
  // changes of every kind that can change an answer, written straight to the tables; every answer
  // must follow them at once.
  it('they still agree, and follow the oracle, after random changes to grants, memberships, resources and users', async () => {
    const random = rng(SEED + 1);
    const m = app.dataSource.manager;
    const past = new Date(Date.now() - 3600_000);
    for (const g of grants.filter(() => random() < 0.3)) {
      const where = { resourceId: g.resourceId, ...(g.userId ? { userId: g.userId } : { groupId: g.groupId! }) };
      if (random() < 0.5) {
        await m.delete(GrantEntity, where);
        grants.splice(grants.indexOf(g), 1);
      } else {
        g.level = g.level === 'READ' ? 'WRITE' : 'READ';
        g.current = !g.current;
        await m.update(GrantEntity, where, { level: g.level, expiresAt: g.current ? null : past });
      }
    }
    for (const x of memberships.filter(() => random() < 0.3)) {
      x.current = !x.current;
      await m.update(MembershipEntity, { userId: x.userId, groupId: x.groupId }, { expiresAt: x.current ? null : past });
    }
    for (const r of resources.filter(() => random() < 0.3)) {
      r.visibility = r.visibility === 'PUBLIC' ? 'PRIVATE' : 'PUBLIC';
      r.ownerId = random() < 0.5 ? r.ownerId : users[Math.floor(random() * users.length)]!.id;
      await m.update(ResourceEntity, { id: r.id }, { visibility: r.visibility, ownerId: r.ownerId });
    }
    // A new name, and one that differs only in case (the sort key stays): listings follow both.
    for (const r of resources.filter(() => random() < 0.3)) {
      r.name = random() < 0.5 ? `Changed ${Math.floor(random() * 4)}` : r.name.toUpperCase();
      await m.update(ResourceEntity, { id: r.id }, { name: r.name, nameKey: r.name.toLowerCase() });
    }
    for (const u of users.slice(1).filter(() => random() < 0.2)) {
      u.active = !u.active;
      await m.update(UserEntity, { id: u.id }, { isActive: u.active });
    }
    expect(await disagreements()).toEqual([]);
  });
});
