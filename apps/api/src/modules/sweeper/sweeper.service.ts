import { In, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Db } from '../../db/db';
import { SYSTEM_ACTOR, userLabel } from '../audit/actor';
import { GroupEntity } from '../groups/group.entity';
import { leaderIdsOf } from '../groups/leadership.repository';
import { expiryText } from '../memberships/membership-expiry.service';
import { expiredRowsOf, expiringUnwarned, usersWithExpired } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import { notify } from '../notifications/notify';
import { expiringUnwarnedGrants, warnExpiringGrants } from '../resources/grant-expiry';
import type { ReviewsService } from '../reviews/reviews.service';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';

/** Members whose expired memberships one pass ends, and warnings one pass sends; the next pass does the rest. */
const END_BATCH = 500;
const WARN_BATCH = 1000;

export interface SweepResult {
  /** Memberships this sweeper ended (others sweeping at the same moment ended the rest). */
  ended: number;
  /** Membership expiry warnings this sweeper sent. */
  warned: number;
  /** Grant expiry warnings this sweeper sent. */
  grantsWarned: number;
  /** Access reviews this sweeper closed at their deadline (SPEC §21); absent without the reviews slice. */
  reviewsClosed?: number;
  /** Access reviews whose reviewers this sweeper reminded. */
  reviewsReminded?: number;
}

/**
 * Expiry (SPEC §7): memberships past `expiresAt` already count for nothing (every query checks);
 * the sweeper removes their rows (audited, actor the system, cause EXPIRY, the member notified,
 * the cascade of §8 applied) and warns members `settings.expiryWarningDays` ahead, once — the
 * member (with a link to ask for an extension, SPEC §20) and the group's leaders, who may renew it.
 * Grants about to expire are warned of the same way, once per expiry (§10): the grantee and those
 * who may edit the resource's access (resources/grant-expiry.ts); expired grants already count for
 * nothing and stay listed until someone renews or revokes them.
 *
 * Once per deployment (SPEC §16): every server sweeps, and the work is claimed in the database so
 * that each removal and each warning happens once however many sweep at the same moment. A member
 * is claimed by locking their user row `SKIP LOCKED` (Db.claimLock) in the transaction that ends
 * their expired memberships, and re-read there: a member another sweeper holds is passed over, and
 * one it has finished has nothing left. All of a member's expired memberships end in one
 * transaction, because the cascade may end the member's other memberships: two sweepers each
 * ending one of them would each wait for the other's rows. Warnings claim the membership rows
 * themselves, and a warned row no longer matches (`expiryWarnedAt`). On SQLite (one process)
 * transactions run one at a time, so the re-reads inside them are the claim.
 */
export class SweeperService {
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsService,
    /** Review deadlines and reminders (SPEC §21) ride on the same pass and the same claims. */
    private readonly reviews: Pick<ReviewsService, 'sweep'> | null = null,
  ) {}

  /** Sweeps now, then `everyMs` after each pass ends (passes of one process never overlap). */
  start(log: Logger, everyMs = 60_000): void {
    this.stopped = false;
    const tick = () => {
      this.timer = null;
      this.pass = this.run()
        .then(({ ended, warned, grantsWarned, reviewsClosed, reviewsReminded }) => {
          if (ended > 0 || warned > 0 || grantsWarned > 0) log.info({ ended, warned, grantsWarned }, 'swept expiring memberships and grants');
          if (reviewsClosed || reviewsReminded) log.info({ reviewsClosed, reviewsReminded }, 'closed and reminded access reviews');
        })
        .catch((error: unknown) => log.error({ err: error }, 'sweeper failed'))
        .finally(() => {
          this.pass = null;
          if (this.stopped) return;
          this.timer = setTimeout(tick, everyMs);
          this.timer.unref();
        });
    };
    tick();
  }

  /** Stops sweeping; resolves once a pass in progress has finished, so the database may close. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
  }

  /** One pass. Each member's expired memberships end in a transaction of their own. */
  async run(now = new Date()): Promise<SweepResult> {
    let ended = 0;
    for (const userId of await this.membersWithExpired(now)) {
      ended += await this.db.transaction((tx) => this.endExpired(tx, userId, now));
    }
    const warned = await this.db.transaction((tx) => this.warn(tx, now));
    const grantsWarned = await this.db.transaction((tx) => this.warnGrants(tx, now));
    const reviews = this.reviews ? await this.reviews.sweep(now) : { closed: 0, reminded: 0 };
    return { ended, warned, grantsWarned, reviewsClosed: reviews.closed, reviewsReminded: reviews.reminded };
  }

  /** Read outside any transaction, so possibly stale: endExpired re-reads under its claim. */
  private async membersWithExpired(now: Date): Promise<string[]> {
    return usersWithExpired(this.db.manager, now, END_BATCH);
  }

  private async endExpired(tx: EntityManager, userId: string, now: Date): Promise<number> {
    const claim = this.db.claimLock();
    // Not found: gone, or held — by another sweeper, or by a change to this user in progress (a later pass).
    const user = await tx.findOne(UserEntity, { where: { id: userId }, ...(claim ? { lock: claim } : {}) });
    if (!user) return 0;
    // A membership renewed or removed meanwhile no longer matches; one being changed right now is left for a later pass.
    const expired = await expiredRowsOf(tx, userId, now, claim);
    if (expired.length === 0) return 0;
    const groups = new Map((await tx.findBy(GroupEntity, { id: In(expired.map((m) => m.groupId)) })).map((g) => [g.id, g]));
    const names = expired.map((m) => groups.get(m.groupId)!.name);
    // "Before" is the moment before the first of them expired: since then they have counted for
    // nothing. "After" as of the pass's instant: a membership expiring since is not this member's
    // cascade's to end.
    const firstExpiry = Math.min(...expired.map((m) => m.expiresAt!.getTime()));
    const cascade = { userIds: [user.id], actor: SYSTEM_ACTOR, cause: `membership of ${names.join(', ')} expired`, before: new Date(firstExpiry - 1), after: now };
    const subject = { id: user.id, label: userLabel(user) };
    const { result } = await this.memberships.change(tx, { cascade }, async (unit) => {
      let ended = 0;
      for (const m of expired) {
        const group = groups.get(m.groupId)!;
        if (!(await unit.end({ user: subject, group, actor: SYSTEM_ACTOR, action: 'MEMBER_REMOVED', cause: 'EXPIRY' }))) continue;
        unit.notify([user.id], { kind: 'MEMBERSHIP_REMOVED', title: `Your membership of ${group.name} has ended`, body: 'It reached its expiry date.', link: `/groups/${group.id}` });
        ended += 1;
      }
      return ended;
    });
    return result;
  }

  private async warn(tx: EntityManager, now: Date): Promise<number> {
    const { expiryWarningDays } = await readSettings(tx);
    if (expiryWarningDays <= 0) return 0;
    const horizon = new Date(now.getTime() + expiryWarningDays * 24 * 3600_000);
    const claim = this.db.claimLock();
    // Claimed rows: one another sweeper is warning is passed over; one it has warned no longer matches.
    const soon = await expiringUnwarned(tx, now, horizon, WARN_BATCH, claim);
    if (soon.length === 0) return 0;
    const groups = new Map((await tx.findBy(GroupEntity, { id: In([...new Set(soon.map((m) => m.groupId))]) })).map((g) => [g.id, g]));
    for (const m of soon) {
      await notify(tx, [m.userId], {
        kind: 'EXPIRY_WARNING',
        title: `Your membership of ${groups.get(m.groupId)!.name} expires soon`,
        body: `It ends on ${expiryText(m.expiresAt!)}. Request an extension if you still need it.`,
        // The group page opens its "Request extension" dialog (SPEC §20).
        link: `/groups/${m.groupId}?extend=1`,
      });
    }
    // Those who may renew them: each group's leaders, once per group and pass (a count, not a message per member).
    const byGroup = new Map<string, string[]>();
    for (const m of soon) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.userId]);
    const leaders = await leaderIdsOf(tx, [...byGroup.keys()], now);
    for (const [groupId, memberIds] of byGroup) {
      const to = (leaders.get(groupId) ?? []).filter((id) => !memberIds.includes(id) || memberIds.length > 1);
      const n = memberIds.length;
      await notify(tx, to, {
        kind: 'EXPIRY_WARNING',
        title: `${n === 1 ? 'A membership' : `${n} memberships`} of ${groups.get(groupId)!.name} ${n === 1 ? 'expires' : 'expire'} soon`,
        body: 'Change their expiry on the member list if they still need it.',
        link: `/groups/${groupId}`,
      });
    }
    await this.memberships.markExpiryWarned(tx, soon, now);
    return soon.length;
  }

  private async warnGrants(tx: EntityManager, now: Date): Promise<number> {
    const { expiryWarningDays } = await readSettings(tx);
    if (expiryWarningDays <= 0) return 0;
    const horizon = new Date(now.getTime() + expiryWarningDays * 24 * 3600_000);
    // Claimed rows (SKIP LOCKED, as for memberships): each grant is warned of once however many sweep.
    const soon = await expiringUnwarnedGrants(tx, now, horizon, WARN_BATCH, this.db.claimLock());
    return warnExpiringGrants(tx, soon, now);
  }
}
