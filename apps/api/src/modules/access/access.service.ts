import { Brackets, In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import { userPolicy } from '../users/user.policy';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, emptyPage, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { ResourceEntity } from '../resources/resource.entity';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import { likePattern } from '../users/users.service';
import type { AccessCache } from './access-cache';
import { accessorRows } from './accessors.repository';
import { grantPaths, levelFacts, levelFactsCoalesced, levelFactsMany, NOBODY, reachablePage, type ReachColumns, type ReachedResource } from './access.repository';
import { explainFrom, levelFrom, RANK, type Explanation, type Level } from './access.rule';

export interface AccessQuestion {
  userId?: string | null;
  resourceId: string;
  level: Level;
}

export interface ReachFilter {
  kind?: string | null;
  minLevel?: Level | null;
  search?: string | null;
}

const NOT_FOUND = 'No resource has this id.';

/**
 * The questions other applications ask (SPEC §11) — checkAccess, the bulk check, accessLevel,
 * explainAccess, `resources`, a resource's accessors — and the level a change decides on
 * (levelIn). Every answer applies access.rule.ts to facts read after the request arrived.
 */
export class AccessService {
  /**
   * `cache`: the process's cache of access facts (bulk check, checkAccess, a page's groups), made
   * in the composition root; null reads every fact afresh (access-cache.ts).
   */
  constructor(
    private readonly db: Db,
    private readonly cache: AccessCache | null = null,
  ) {}

  /**
   * Asking about someone else needs access.check (or admin); everyone may ask about themselves.
   * Ids leave here in one spelling (lower case): SQLite compares UUIDs as text, and every path —
   * checkAccess, accessLevel, explainAccess, the bulk check, resources — must answer alike.
   */
  private subjectOf(viewer: Viewer | null, userId: string | null | undefined): string | null {
    const asked = userId?.toLowerCase();
    if (!asked || (viewer && asked === viewer.userId)) return viewer?.userId ?? null;
    if (!viewer) throw errors.unauthenticated();
    authorize(userPolicy, 'checkAccessOf', viewer);
    return asked;
  }

  /** `explainAccess` / `accessLevel` / `checkAccess` for one (user, resource). */
  async explain(viewer: Viewer | null, resourceId: string, userId?: string | null): Promise<Explanation> {
    const subject = this.subjectOf(viewer, userId);
    const id = resourceId.toLowerCase();
    const [result] = await this.explainMany(subject ? [{ userId: subject, resourceId: id }] : [], viewer?.settingsVersion, id);
    return result ?? { level: 'NONE', reasons: [] };
  }

  /**
   * `explainAccess` for one user (default: the viewer) over many resources — a page of
   * `resources(userId:)` with its reasons — in one round of statements.
   */
  async explainEach(viewer: Viewer | null, resourceIds: readonly string[], userId?: string | null): Promise<Explanation[]> {
    const subject = this.subjectOf(viewer, userId);
    const ids = resourceIds.map((id) => id.toLowerCase());
    if (!subject || ids.length === 0) return ids.map(() => ({ level: 'NONE', reasons: [] }));
    return this.explainMany(ids.map((resourceId) => ({ userId: subject, resourceId })), viewer?.settingsVersion);
  }

  private async explainMany(pairs: { userId: string; resourceId: string }[], settingsAsOf: string | undefined, mustExist?: string): Promise<Explanation[]> {
    const resourceIds = [...new Set([...pairs.map((p) => p.resourceId), ...(mustExist ? [mustExist] : [])])];
    if (resourceIds.some((id) => !isUuid(id))) throw errors.notFound(NOT_FOUND);
    const userIds = [...new Set(pairs.map((p) => p.userId))].filter(isUuid);
    // In turn, not together: a request holds one pooled connection at a time (the pool is the
    // deployment's connection budget), and no statement ever waits in pg's client-side queue
    // (deprecated) should this run on one client.
    const resources = await this.db.manager.findBy(ResourceEntity, { id: In(resourceIds) });
    const resourceById = new Map(resources.map((r) => [r.id, r]));
    const missing = resourceIds.filter((id) => !resourceById.has(id));
    if (missing.length) throw this.missing(missing);
    const users = userIds.length ? await this.db.manager.findBy(UserEntity, { id: In(userIds) }) : [];
    const paths = await grantPaths(this.db.manager, userIds, resourceIds);
    const settings = await readSettings(this.db.manager, settingsAsOf);
    const userById = new Map(users.map((u) => [u.id, u]));
    return pairs.map((p) => explainFrom(userById.get(p.userId) ?? null, resourceById.get(p.resourceId)!, settings.adminBypass, paths));
  }

  /**
   * accessLevel / checkAccess: from the access cache like the bulk check — validated against the
   * epoch authentication read with the credential, so a warm answer costs no statement of its own —
   * or, with the cache off, the one-query path (see levelFacts).
   */
  async level(viewer: Viewer | null, resourceId: string, userId?: string | null): Promise<Level> {
    const subject = this.subjectOf(viewer, userId);
    if (!isUuid(resourceId)) throw errors.notFound(NOT_FOUND);
    const pair = { userId: subject && isUuid(subject) ? subject : NOBODY, resourceId: resourceId.toLowerCase() };
    const facts = this.cache
      ? (await this.cache.levelFacts([pair], new Date(), viewer?.accessEpoch))[0]!
      : await levelFactsCoalesced(this.db.manager, pair.userId, pair.resourceId);
    if (!facts?.resourceId) throw errors.notFound(NOT_FOUND);
    if (!subject) return 'NONE';
    return levelFrom(facts, subject, (await readSettings(this.db.manager, viewer?.settingsVersion)).adminBypass);
  }

  /**
   * The viewer's level on a resource as the caller's transaction `tx` sees it, for a change that
   * decides on it (resources.service forChange) — the same rule as `level`, read through `tx`'s
   * own connection: never the access cache, the coalescer or the pool, which would each wait for a
   * second connection while the transaction holds its first (db/transaction-guard.ts). Throws
   * NOT_FOUND for an unknown resource.
   */
  async levelIn(tx: EntityManager, viewer: Viewer, resourceId: string): Promise<Level> {
    const facts = isUuid(resourceId) ? await levelFacts(tx, viewer.userId, resourceId.toLowerCase()) : null;
    if (!facts?.resourceId) throw errors.notFound(NOT_FOUND);
    return levelFrom(facts, viewer.userId, (await readSettings(tx)).adminBypass);
  }

  async check(viewer: Viewer | null, resourceId: string, level: Level, userId?: string | null): Promise<boolean> {
    return RANK[await this.level(viewer, resourceId, userId)] >= RANK[level];
  }

  /**
   * The bulk check: many (user, resource, level) triples in one call, answered in order under the
   * same rule as checkAccess — from the validated cache of access facts (access-cache.ts), or in
   * ONE query (levelFactsMany) when the cache is off. An unknown resource anywhere makes
   * the whole call NOT_FOUND, naming the ids, as checkAccess does for one.
   */
  async checkMany(viewer: Viewer, questions: AccessQuestion[]): Promise<boolean[]> {
    if (questions.length < 1 || questions.length > LIMITS.maxBulkChecks) {
      throw errors.validation([{ field: 'checks', message: `Ask between 1 and ${LIMITS.maxBulkChecks} questions at a time.` }]);
    }
    const pairs = questions.map((q) => {
      const userId = this.subjectOf(viewer, q.userId)!;
      return { userId: isUuid(userId) ? userId : NOBODY, resourceId: q.resourceId.toLowerCase() };
    });
    const badIds = [...new Set(pairs.map((p) => p.resourceId).filter((id) => !isUuid(id)))];
    if (badIds.length) throw this.missing(badIds);
    const found = this.cache ? await this.cache.levelFacts(pairs, new Date(), viewer.accessEpoch) : await levelFactsMany(this.db.manager, pairs);
    const settings = await readSettings(this.db.manager, viewer.settingsVersion);
    const missing = [...new Set(pairs.filter((_, i) => !found[i]?.resourceId).map((p) => p.resourceId))];
    if (missing.length) throw this.missing(missing);
    return found.map((f, i) => RANK[levelFrom(f, pairs[i]!.userId, settings.adminBypass)] >= RANK[questions[i]!.level]);
  }

  private missing(ids: string[]) {
    return errors.notFound(ids.length === 1 ? `No resource has the id ${ids[0]}.` : `No resource has these ids: ${ids.join(', ')}.`);
  }

  /**
   * `resources`: everything the user reaches at `minLevel` or more, complete and cursor-paged (by
   * kind, name, id) — never truncated. The SQL mirrors explainFrom: admin bypass, owner, public
   * (READ only), current user grants, current group grants through current memberships.
   */
  async reachable(
    viewer: Viewer,
    userId: string | null | undefined,
    filter: ReachFilter,
    first: number,
    after: string | null | undefined,
    { withTotal = true, columns = 'full' }: { withTotal?: boolean; columns?: ReachColumns } = {},
  ): Promise<Page<ReachedResource> & { totalCount: number }> {
    const subject = this.subjectOf(viewer, userId)!;
    // "Reachable at NONE" would be every resource; it is read as READ, the least level that reaches anything.
    const minLevel = filter.minLevel === 'WRITE' ? 'WRITE' : 'READ';
    const none = emptyPage<ReachedResource>();
    if (!isUuid(subject)) return none;
    const kind = filter.kind?.trim().toLowerCase() || null;
    const term = filter.search?.trim();
    const namePattern = term ? likePattern(term.slice(0, LIMITS.displayNameMax)) : null;
    const cursor = after ? decodeCursor(after, ['text', 'text', 'uuid']) : null;
    const { adminBypass } = await readSettings(this.db.manager, viewer.settingsVersion);
    const everything = () => this.everything(kind, namePattern, cursor, first + 1, withTotal);
    // About yourself, authentication has just read you (active, admin or not).
    if (subject === viewer.userId && viewer.isAdmin && adminBypass) return this.paged(await everything(), first);
    // About anyone else, the page's own statement reads the subject too. An inactive or unknown
    // subject reaches nothing; an admin with bypass reaches everything. The subject's groups come
    // from the access cache as it holds them, without reading the epoch first (the page statement
    // reads it, and the page stands only if it matches); on a second try, as of a fresh epoch.
    const cache = this.cache;
    const groups = cache ? (fresh: boolean) => (!fresh && cache.groupsHeld(subject)) || cache.currentGroups(subject) : undefined;
    const found = await reachablePage(this.db.manager, { userId: subject, minLevel, kind, namePattern, after: cursor, limit: first + 1, withTotal, columns, groups });
    if (!found.subject?.isActive) return none;
    if (found.subject.isAdmin && adminBypass) return this.paged(await everything(), first);
    return this.paged(found, first);
  }

  private paged(found: { resources: ReachedResource[]; total: number | null }, first: number): Page<ReachedResource> & { totalCount: number } {
    return Object.assign(toPage(found.resources, first, (r) => [r.kind, r.nameKey, r.id]), { totalCount: found.total ?? 0 });
  }

  /** An admin with bypass reaches every resource: the page and count need no access rule. */
  private async everything(kind: string | null, namePattern: string | null, cursor: [string, string, string] | null, limit: number, withTotal: boolean): Promise<{ resources: ResourceEntity[]; total: number | null }> {
    const qb = this.db.manager.createQueryBuilder(ResourceEntity, 'r');
    if (kind) qb.andWhere('r.kind = :kind', { kind });
    if (namePattern) qb.andWhere("r.nameKey LIKE :term ESCAPE '\\'", { term: namePattern });
    const total = withTotal ? await qb.getCount() : null;
    if (cursor) {
      const [cKind, cName, cId] = cursor;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('r.kind > :cKind', { cKind })
            .orWhere('r.kind = :cKind AND r.nameKey > :cName', { cName })
            .orWhere('r.kind = :cKind AND r.nameKey = :cName AND r.id > :cId', { cId }),
        ),
      );
    }
    const resources = await qb.orderBy('r.kind', 'ASC').addOrderBy('r.nameKey', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
    return { resources, total };
  }

  /**
   * Who can reach a resource (admins and editors): every active user with an explicit path —
   * owner, a user grant, a group grant through a current membership, admin bypass — expanded
   * through groups, by name, paged. PUBLIC's "every active user may read" is not enumerated; the
   * resource's visibility says it.
   */
  async accessors(viewer: Viewer, resource: ResourceEntity, minLevel: Level, first: number, after: string | null | undefined): Promise<Page<{ user: UserEntity; level: Level }> & { totalCount: number }> {
    const { adminBypass } = await readSettings(this.db.manager, viewer.settingsVersion);
    const min = minLevel === 'WRITE' ? 2 : 1;
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const { total, rows } = await accessorRows(this.db.manager, resource.id, { adminBypass, min, first, cursor });
    const users = rows.length ? await this.db.manager.findBy(UserEntity, { id: In(rows.map((r) => r.userId)) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const items = rows.map((r) => ({ user: byId.get(r.userId)!, level: (Number(r.rank) === 2 ? 'WRITE' : 'READ') as Level })).filter((i) => i.user);
    void viewer;
    return Object.assign(toPage(items, first, (i) => [i.user.nameKey, i.user.id]), { totalCount: total });
  }
}
