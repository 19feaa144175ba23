import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { audit, auditMany } from '../audit/audit.writer';
import { notify, type Message } from '../notifications/notify';
import { isCurrentMembership } from './current';
import { MembershipEntity, type MembershipSource } from './membership.entity';
import { recordMembershipChanges, type MembershipChange } from './membership.events';
import type { CascadeResult, PermissionCascade } from './permission-cascade';

export interface MemberRef {
  id: string;
  label: string;
}

export interface GroupRef {
  id: string;
  name: string;
}

export interface Addition {
  user: MemberRef;
  group: GroupRef;
  source: MembershipSource;
  actor: Actor;
  expiresAt?: Date | null;
  /** Why, in the audit row (e.g. SELF, SSO, "default group"). */
  cause?: string;
}

export interface Removal {
  user: MemberRef;
  group: GroupRef;
  actor: Actor;
  /** MEMBER_LEFT: the member's own doing (leaving, an approved leave request); MEMBER_REMOVED: anyone else's. */
  action: 'MEMBER_LEFT' | 'MEMBER_REMOVED';
  cause: string;
  reason?: string | null;
}

/** A current membership's new expiry (SPEC §20): null = it never expires. */
export interface ExpiryChange {
  user: MemberRef;
  group: GroupRef;
  actor: Actor;
  expiresAt: Date | null;
  /** Why, in the audit row: LEADER, MANAGER, ADMIN, or REQUEST_APPROVED (an extension). */
  cause: string;
}

/** The users a change can cost `groups.request` (SPEC §8), and what to call the change. */
export interface CascadeScope {
  userIds: readonly string[];
  /** Who made the change that triggered it (the removals themselves are the system's). */
  actor: Actor;
  cause: string;
  /** The instant "before" is read at (default now; the sweeper: just before the first expiry). */
  before?: Date;
  /** The instant "after" is judged at (default now; the sweeper: its pass's instant). */
  after?: Date;
}

export interface UnitOutcome<T> {
  result: T;
  /** Every membership change of the unit, the cascade's included, in order. */
  changes: readonly MembershipChange[];
  cascade: CascadeResult;
}

const NO_CASCADE: CascadeResult = { ended: 0, userIds: [] };

/** Users per statement in the set-based methods (bound parameters stay far below SQLite's limit). */
const BULK_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BULK_CHUNK) out.push(items.slice(i, i + BULK_CHUNK));
  return out;
}

function uniqueRefs(users: readonly MemberRef[]): MemberRef[] {
  const seen = new Map<string, MemberRef>();
  for (const u of users) if (!seen.has(u.id)) seen.set(u.id, u);
  return [...seen.values()];
}

/**
 * One unit of work in progress: the only code that inserts, updates or deletes membership rows.
 * Each row change writes its audit row at once (so the log lists things in the order they
 * happened) and is remembered for the event hook; messages wait until the cascade has run.
 */
export class MembershipUnit {
  readonly changes: MembershipChange[] = [];
  private readonly messages: { userIds: readonly string[]; message: Message }[] = [];

  constructor(readonly tx: EntityManager) {}

  /**
   * Adds a membership, audited. A current member is left as they are (null). An expired row —
   * kept until the sweeper ends it — is replaced: the one place that does so.
   */
  async add(a: Addition): Promise<MembershipEntity | null> {
    const { tx } = this;
    const key = { userId: a.user.id, groupId: a.group.id };
    const existing = await tx.findOneBy(MembershipEntity, key);
    if (existing) {
      if (isCurrentMembership(existing.expiresAt)) return null;
      await tx.delete(MembershipEntity, key);
    }
    const expiresAt = a.expiresAt ?? null;
    await tx.save(tx.create(MembershipEntity, Object.assign({}, key, { source: a.source, addedById: a.actor.id, expiresAt })));
    await audit(tx, {
      action: a.source === 'OPEN_JOIN' ? 'MEMBER_JOINED' : 'MEMBER_ADDED',
      actor: a.actor,
      group: a.group,
      user: a.user,
      details: { source: a.source, ...(a.cause ? { cause: a.cause } : {}), ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
    });
    this.changes.push({ kind: 'ADDED', ...key, actor: a.actor, cause: a.cause ?? null, source: a.source, expiresAt, reason: null });
    return tx.findOneByOrFail(MembershipEntity, key);
  }

  /** Ends a membership (current or expired), audited. False when there was none. */
  async end(r: Removal): Promise<boolean> {
    const key = { userId: r.user.id, groupId: r.group.id };
    const result = await this.tx.delete(MembershipEntity, key);
    if (!result.affected) return false;
    const reason = r.reason ?? null;
    await audit(this.tx, { action: r.action, actor: r.actor, group: r.group, user: r.user, details: { cause: r.cause, ...(reason ? { reason } : {}) } });
    this.changes.push({ kind: 'REMOVED', ...key, actor: r.actor, cause: r.cause, source: null, expiresAt: null, reason });
    return true;
  }

  /**
   * Sets a current membership's expiry (null: never), audited (MEMBERSHIP_UPDATED) and recorded as
   * an UPDATED change; its expiry warning is due again. Null when there is no current membership.
   */
  async setExpiry(c: ExpiryChange): Promise<MembershipEntity | null> {
    const { tx } = this;
    const key = { userId: c.user.id, groupId: c.group.id };
    const existing = await tx.findOneBy(MembershipEntity, key);
    if (!existing || !isCurrentMembership(existing.expiresAt)) return null;
    const updated = await tx.update(MembershipEntity, key, { expiresAt: c.expiresAt, expiryWarnedAt: null });
    if (!updated.affected) return null;
    await audit(tx, {
      action: 'MEMBERSHIP_UPDATED',
      actor: c.actor,
      group: c.group,
      user: c.user,
      details: { cause: c.cause, expiresAt: c.expiresAt?.toISOString() ?? null, previousExpiresAt: existing.expiresAt?.toISOString() ?? null },
    });
    this.changes.push({ kind: 'UPDATED', ...key, actor: c.actor, cause: c.cause, source: existing.source, expiresAt: c.expiresAt, reason: null });
    return tx.findOneByOrFail(MembershipEntity, key);
  }

  /**
   * Set-based `add` for many users of one group (SCIM's PATCH of thousands of members): a few
   * statements per 500 users, not a few per user. Same rules as `add` — current members are left
   * as they are, expired rows are replaced — and each added membership is audited and remembered
   * as a change. Returns the ids actually added.
   */
  async addMany(group: GroupRef, users: readonly MemberRef[], a: Omit<Addition, 'user' | 'group' | 'expiresAt'>): Promise<string[]> {
    const { tx } = this;
    const wanted = uniqueRefs(users);
    const added: MemberRef[] = [];
    for (const chunk of chunks(wanted)) {
      const ids = chunk.map((u) => u.id);
      const existing = await tx.find(MembershipEntity, { select: { userId: true, expiresAt: true }, where: { groupId: group.id, userId: In(ids) } });
      const current = new Set(existing.filter((m) => isCurrentMembership(m.expiresAt)).map((m) => m.userId));
      const expired = existing.filter((m) => !current.has(m.userId)).map((m) => m.userId);
      if (expired.length) await tx.delete(MembershipEntity, { groupId: group.id, userId: In(expired) });
      const fresh = chunk.filter((u) => !current.has(u.id));
      if (fresh.length === 0) continue;
      // No reload of the inserted rows (TypeORM would read back createdAt with one OR per row).
      await tx
        .createQueryBuilder()
        .insert()
        .into(MembershipEntity)
        .values(fresh.map((u) => ({ userId: u.id, groupId: group.id, source: a.source, addedById: a.actor.id, expiresAt: null })))
        .updateEntity(false)
        .execute();
      added.push(...fresh);
    }
    await auditMany(
      tx,
      added.map((user) => ({
        action: a.source === 'OPEN_JOIN' ? 'MEMBER_JOINED' : 'MEMBER_ADDED',
        actor: a.actor,
        group,
        user,
        details: { source: a.source, ...(a.cause ? { cause: a.cause } : {}) },
      })),
    );
    for (const user of added) {
      this.changes.push({ kind: 'ADDED', userId: user.id, groupId: group.id, actor: a.actor, cause: a.cause ?? null, source: a.source, expiresAt: null, reason: null });
    }
    return added.map((u) => u.id);
  }

  /**
   * Set-based `end` for many users of one group: ends their rows (only those of `onlySource` when
   * given — SCIM ends only the memberships SCIM made), each audited and remembered as a change.
   * Users without such a row are passed over. Returns the ids whose membership ended.
   */
  async endMany(group: GroupRef, users: readonly MemberRef[], r: Omit<Removal, 'user' | 'group'> & { onlySource?: MembershipSource }): Promise<string[]> {
    const { tx } = this;
    const ended: MemberRef[] = [];
    for (const chunk of chunks(uniqueRefs(users))) {
      const where = { groupId: group.id, userId: In(chunk.map((u) => u.id)), ...(r.onlySource ? { source: r.onlySource } : {}) };
      const rows = await tx.find(MembershipEntity, { select: { userId: true }, where });
      if (rows.length === 0) continue;
      const ids = new Set(rows.map((m) => m.userId));
      await tx.delete(MembershipEntity, { groupId: group.id, userId: In([...ids]) });
      ended.push(...chunk.filter((u) => ids.has(u.id)));
    }
    const reason = r.reason ?? null;
    await auditMany(
      tx,
      ended.map((user) => ({ action: r.action, actor: r.actor, group, user, details: { cause: r.cause, ...(reason ? { reason } : {}) } })),
    );
    for (const user of ended) {
      this.changes.push({ kind: 'REMOVED', userId: user.id, groupId: group.id, actor: r.actor, cause: r.cause, source: null, expiresAt: null, reason });
    }
    return ended.map((u) => u.id);
  }

  /** A message to send once the unit's changes (the cascade's included) are made. */
  notify(userIds: readonly string[], message: Message): void {
    if (userIds.length > 0) this.messages.push({ userIds, message });
  }

  async sendMessages(): Promise<void> {
    for (const { userIds, message } of this.messages.splice(0)) await notify(this.tx, userIds, message);
  }
}

/**
 * The owner of membership (SPEC §1, §7, §8). Every membership change — joining and leaving,
 * decided requests, leaders', managers' and admins' adds and removals, SSO sync, the expiry
 * sweep, the permission-loss cascade, user and group deletion — is one `change`, in the caller's
 * transaction: snapshot → change → cascade → audit → notify → event hook.
 */
export class MembershipsService {
  constructor(
    private readonly cascade: PermissionCascade,
    private readonly recordChanges: typeof recordMembershipChanges = recordMembershipChanges,
  ) {}

  /**
   * Runs `work` as one unit of work in `tx`. With a `cascade` scope, who holds `groups.request` is
   * read first and the permission-loss cascade (SPEC §8) runs after `work`, its removals changes of
   * the same unit. Then the queued messages go out, and every change reaches
   * `recordMembershipChanges` (the event outbox's hook). Also for changes that are not membership
   * rows but can cost memberships (permissions edited, deactivation): they run as `work`.
   */
  async change<T>(tx: EntityManager, options: { cascade?: CascadeScope | null }, work: (unit: MembershipUnit) => Promise<T>): Promise<UnitOutcome<T>> {
    const scope = options.cascade ?? null;
    const before = scope ? await this.cascade.snapshot(tx, scope.userIds, scope.before) : null;
    const unit = new MembershipUnit(tx);
    const result = await work(unit);
    const cascade = scope && before ? await this.cascade.apply(unit, before, scope.actor, scope.cause, scope.after) : NO_CASCADE;
    await unit.sendMessages();
    await this.recordChanges(tx, unit.changes);
    return { result, changes: unit.changes, cascade };
  }

  /** Records that the members of these rows were warned of their expiry (bookkeeping, not a membership change). */
  async markExpiryWarned(tx: EntityManager, rows: readonly MembershipEntity[], at: Date): Promise<void> {
    for (const m of rows) await tx.update(MembershipEntity, { userId: m.userId, groupId: m.groupId }, { expiryWarnedAt: at });
  }
}
