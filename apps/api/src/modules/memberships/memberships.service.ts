import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
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
    await tx.save(tx.create(MembershipEntity, { ...key, source: a.source, addedById: a.actor.id, expiresAt }));
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
