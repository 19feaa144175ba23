import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager } from 'typeorm';
import { isCurrentMembership } from '../memberships/current';
import { numbered } from './access-epoch';
import { changesBetween, currentEpoch } from './access-epoch.repository';
import { readFactsCoalesced, type RawResource, type RawUser } from './access-facts.repository';
import type { GroupsAt } from './access.repository';
import type { LevelRow } from './access.rule';

/**
 * A memory of access facts that is never stale, for the bulk check and for the groups a
 * `resources` page merges (access.repository.ts).
 *
 * For each user, it keeps whether they are active and admin, and their memberships with expiry.
 * For each resource, it keeps the owner, the visibility and the grants with expiry. A bulk check
 * of 100 pairs then costs one tiny statement instead of a hundred index walks.
 *
 * Why it can never answer stale:
 * - **The access epoch** (access-epoch.ts). `access_epoch.n` is a counter. Database triggers add
 *   one in every transaction that changes a grant, a membership, a resource's owner or visibility,
 *   or a user's active or admin flag (see the AccessEpoch migration). This holds whatever wrote the
 *   change: this process, another process, or SQL typed by an operator.
 * - **Every request reads the epoch first**: with its credential (Viewer.accessEpoch), or else on
 *   its own, coalesced across requests. Either read is sent after the request arrived. If the
 *   epoch has moved, the cache first drops what the epochs in between changed: the same triggers
 *   log each user and resource they touch (`access_change`, migration AccessChangeLog). When that
 *   log cannot say, the cache starts over (see Generation).
 * - **Facts are stored with the epoch they were read at.** The same statement reads both, so they
 *   come from one snapshot. Facts read at another epoch are used for that request only, and are
 *   never stored.
 * - **Expiry is a time, not a change.** Grants and memberships are kept with their `expires_at`,
 *   and every answer compares it with the clock. An expiry therefore counts at its instant, as it
 *   does in SQL.
 *
 * Unknown ids are never cached. Creating a user or a resource moves no epoch, so caching "no such
 * row" would make that answer stale.
 *
 * The cache is bounded by counting facts: one per user or resource, plus one per membership or
 * grant. When full, the least recently used entries go first.
 *
 * One AccessCache per process and database, made in the composition root (services.ts) and handed
 * to AccessService: nothing here is module state, so two servers in one process (the tests) never
 * share what they hold.
 */
interface UserFacts {
  /** The user's own number (see Generation.number), matched against user grants. */
  no: number;
  isActive: boolean;
  isAdmin: boolean;
  /** The user's memberships: group numbers (see Generation.number), and when each stops counting. */
  groups: Int32Array;
  /** ms since 1970 per membership; null when none of them expires. */
  groupExpires: Float64Array | null;
}

interface ResourceFacts {
  ownerId: string | null;
  visibility: string;
  /** Per grant: +n names user n, −n names group n (see Generation.number). */
  principals: Int32Array;
  /** Per grant: 1 READ, 2 WRITE. */
  ranks: Uint8Array;
  /** Per grant, ms since 1970 (Infinity: never); null when no grant expires. */
  expires: Float64Array | null;
}

/**
 * What the cache holds, as of its epoch. Users and groups are numbered within a generation, so that
 * a fact stores small integers instead of 36-character ids (a tenth of the memory, and the
 * membership test is an integer compare).
 *
 * When the epoch moves, the generation moves with it: the access change log (migration
 * AccessChangeLog) says which users and resources each epoch touched, and only those are evicted.
 * Steps are taken one at a time, in order. Each step evicts and relabels in one synchronous stretch,
 * so a request that read facts at the old epoch can never store them after the eviction: it stores
 * only facts read at the epoch the generation has when it stores. When the log cannot say (it was
 * pruned, a TRUNCATE, a missing epoch row), a new generation starts empty instead.
 */
class Generation {
  private readonly ids = new Map<string, number>();
  /** The id of each number (index 0 unused). */
  private readonly names: string[] = [''];
  readonly users: LRUCache<string, UserFacts>;
  readonly resources: LRUCache<string, ResourceFacts>;

  /** The last step taken or under way (see advance). */
  private steps: Promise<void> = Promise.resolve();

  constructor(
    public epoch: string,
    readonly size: number,
  ) {
    // Half the budget each: the bulk check asks about as many users as resources.
    const maxSize = Math.max(1, Math.floor(size / 2));
    this.users = new LRUCache({ maxSize, sizeCalculation: (u) => 1 + u.groups.length });
    this.resources = new LRUCache({ maxSize, sizeCalculation: (r) => 1 + r.principals.length });
  }

  /** A user's or group's number in this generation (assigned on first sight). */
  number(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      this.ids.set(id, (n = this.names.length));
      this.names.push(id);
    }
    return n;
  }

  idOf(n: number): string {
    return this.names[n]!;
  }

  /** Numbers are never evicted; past the budget, the generation is replaced whole. */
  get full(): boolean {
    return this.ids.size > this.size;
  }

  /**
   * Moves this generation to epoch `target`, after the steps already queued, by evicting what the
   * epochs in between changed. Resolves either way: if the log cannot say, the epoch stays behind
   * and the caller starts a new generation.
   */
  advance(manager: EntityManager, target: string, isCurrent: () => boolean): Promise<void> {
    this.steps = this.steps
      .then(async () => {
        const from = this.epoch;
        if (!isCurrent() || BigInt(from) >= BigInt(target)) return;
        const changed = await changesBetween(manager, from, target);
        if (!changed || this.epoch !== from) return;
        for (const [kind, id] of changed) (kind === 'u' ? this.users : this.resources).delete(id);
        this.epoch = target;
      })
      .catch(() => undefined);
    return this.steps;
  }
}

/** Raw facts in a generation's numbering. */
function compactUser(g: Generation, id: string, raw: RawUser): UserFacts {
  const expires = raw.groups.some(([, e]) => e !== Infinity);
  return {
    no: g.number(id),
    isActive: raw.isActive,
    isAdmin: raw.isAdmin,
    groups: Int32Array.from(raw.groups, ([id]) => g.number(id)),
    groupExpires: expires ? Float64Array.from(raw.groups, ([, e]) => e) : null,
  };
}

function compactResource(g: Generation, raw: RawResource): ResourceFacts {
  const expires = raw.grants.some(([, , , e]) => e !== Infinity);
  return {
    ownerId: raw.ownerId,
    visibility: raw.visibility,
    principals: Int32Array.from(raw.grants, ([id, isGroup]) => (isGroup ? -g.number(id) : g.number(id))),
    ranks: Uint8Array.from(raw.grants, ([, , rank]) => rank),
    expires: expires ? Float64Array.from(raw.grants, ([, , , e]) => e) : null,
  };
}

/** Whether `user` holds a membership of group number `group` that still counts at `now`. */
function memberOf(user: UserFacts, group: number, now: number): boolean {
  const { groups, groupExpires } = user;
  for (let i = 0; i < groups.length; i++) if (groups[i] === group) return groupExpires === null || isCurrentMembership(groupExpires[i]!, now);
  return false;
}

/** The best current grant on `resource` that reaches `user` (directly or through a current membership). */
function bestGrant(resource: ResourceFacts, user: UserFacts, now: number): 1 | 2 | null {
  const { principals, ranks, expires } = resource;
  let best = 0;
  for (let i = 0; i < principals.length; i++) {
    const rank = ranks[i]!;
    if (rank <= best || (expires !== null && !(expires[i]! > now))) continue;
    const p = principals[i]!;
    if (p > 0 ? p === user.no : memberOf(user, -p, now)) best = rank;
  }
  return best === 0 ? null : (best as 1 | 2);
}

function groupsAt(generation: Generation, user: UserFacts, now: Date): GroupsAt {
  const at = now.getTime();
  const groups: string[] = [];
  user.groups.forEach((n, i) => {
    if (user.groupExpires === null || isCurrentMembership(user.groupExpires[i]!, at)) groups.push(generation.idOf(n));
  });
  return { ids: groups, epoch: generation.epoch };
}

/** The cache of access facts of one database (see the top of this file). */
export class AccessCache {
  /** The generation answering now; replaced whole when the log cannot say what changed. */
  private generation: Generation | null = null;
  private readonly manager: EntityManager;

  /** `size`: the budget in facts (ACCESS_CACHE_SIZE, at least 1; config 0 means no cache at all). */
  constructor(
    dataSource: DataSource,
    readonly size: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`An access cache needs a budget of at least one fact (got ${size}).`);
    this.manager = dataSource.manager;
  }

  /**
   * levelFactsMany's answer (the same LevelRow per pair, in order; `resourceId` null for an unknown
   * resource) from the cache, reading only what it lacks.
   */
  async levelFacts(
    pairs: readonly { userId: string; resourceId: string }[],
    now = new Date(),
    /** The epoch as read after the request arrived (Viewer.accessEpoch), when the request has it. */
    epoch?: string,
  ): Promise<LevelRow[]> {
    const { users, resources } = await this.factsOf(pairs.map((p) => p.userId), pairs.map((p) => p.resourceId), epoch);
    const at = now.getTime();
    return pairs.map(({ userId, resourceId }) => {
      const user = users.get(userId);
      const resource = resources.get(resourceId);
      if (!resource) return { resourceId: null, ownerId: null, visibility: null, isActive: null, isAdmin: null, bestGrant: null };
      return {
        resourceId,
        ownerId: resource.ownerId,
        visibility: resource.visibility,
        isActive: user?.isActive ?? null,
        isAdmin: user?.isAdmin ?? null,
        bestGrant: user ? bestGrant(resource, user, at) : null,
      };
    });
  }

  /**
   * The groups `userId` is a current member of at `now` (none for an unknown user), with the epoch
   * they hold at: the generation's. (Facts read at a newer epoch and not kept are still labelled
   * with the generation's: a caller that checks the label against a later read of the epoch —
   * reachablePage — then simply reads again.)
   */
  async currentGroups(userId: string, now = new Date()): Promise<GroupsAt> {
    const { generation, users } = await this.factsOf([userId], []);
    const user = users.get(userId);
    return user ? groupsAt(generation, user, now) : { ids: [], epoch: generation.epoch };
  }

  /**
   * The groups of `userId` as the current generation holds them, without reading the epoch — or
   * null when it does not hold the user. Possibly stale: only for a caller that checks the label
   * against an epoch read after (reachablePage's first try).
   */
  groupsHeld(userId: string, now = new Date()): GroupsAt | null {
    const generation = this.generation;
    const user = generation?.users.get(userId);
    return generation && user ? groupsAt(generation, user, now) : null;
  }

  /**
   * The generation to answer a request that read `epoch` from: the current one, moved on to
   * `epoch` if it is behind (or left ahead of it: the counter never goes back, so it holds a state
   * at least as new as the request), else a new one.
   */
  private async generationAt(epoch: string): Promise<Generation> {
    const current = this.generation;
    if (current && !current.full) {
      if (current.epoch === epoch) return current;
      if (numbered(epoch) && numbered(current.epoch)) {
        if (BigInt(epoch) > BigInt(current.epoch)) await current.advance(this.manager, epoch, () => this.generation === current);
        if (this.generation === current && BigInt(current.epoch) >= BigInt(epoch)) return current;
      }
    }
    // While this request waited on a step the log could not explain, another request may already
    // have started over at this epoch: answer from that one instead of replacing it.
    const latest = this.generation;
    if (latest && latest !== current && latest.epoch === epoch && !latest.full) return latest;
    const fresh = new Generation(epoch, this.size);
    this.generation = fresh;
    return fresh;
  }

  /**
   * The facts of these users and resources: from the cache, reading only what it lacks (one
   * statement). Unknown ids are simply absent.
   */
  private async factsOf(userIds: Iterable<string>, resourceIds: Iterable<string>, epoch?: string) {
    const generation = await this.generationAt(epoch ?? (await currentEpoch(this.manager)));
    const users = new Map<string, UserFacts | undefined>();
    const resources = new Map<string, ResourceFacts | undefined>();
    for (const id of userIds) if (!users.has(id)) users.set(id, generation.users.get(id));
    for (const id of resourceIds) if (!resources.has(id)) resources.set(id, generation.resources.get(id));
    const missingUsers = [...users].filter(([, f]) => !f).map(([id]) => id);
    const missingResources = [...resources].filter(([, f]) => !f).map(([id]) => id);
    if (missingUsers.length || missingResources.length) {
      const read = await readFactsCoalesced(this.manager, missingUsers, missingResources);
      // Stored only when read at the generation's epoch; otherwise they serve this request alone
      // (numbered in this generation all the same, so this answer is computed in one numbering).
      // The statement answered other requests too: this one takes what it asked for.
      const store = read.epoch === generation.epoch;
      for (const id of missingUsers) {
        const raw = read.users.get(id);
        if (!raw) continue;
        const f = compactUser(generation, id, raw);
        users.set(id, f);
        if (store) generation.users.set(id, f);
      }
      for (const id of missingResources) {
        const raw = read.resources.get(id);
        if (!raw) continue;
        const f = compactResource(generation, raw);
        resources.set(id, f);
        if (store) generation.resources.set(id, f);
      }
    }
    return { generation, users, resources };
  }
}
