import { IsNull, LessThanOrEqual, MoreThan, Not, And, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Db } from '../../db/db';
import { SYSTEM_ACTOR, userLabel } from '../audit/actor';
import type { PermissionCascade } from '../cascade/permission-cascade';
import { GroupEntity } from '../groups/group.entity';
import { MembershipEntity } from '../memberships/membership.entity';
import { endMembership } from '../memberships/membership.writer';
import { notify } from '../notifications/notify';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';

/**
 * Expiry (SPEC §7): memberships past `expiresAt` already count for nothing (every query checks);
 * the sweeper removes their rows (audited, actor the system, cause EXPIRY, cascade applied) and
 * warns members `settings.expiryWarningDays` ahead, once.
 */
export class SweeperService {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly cascade: PermissionCascade,
  ) {}

  start(log: Logger, everyMs = 60_000): void {
    const tick = () => {
      this.run().catch((error: unknown) => log.error({ err: error }, 'sweeper failed'));
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; returns what it did. Each expired membership is its own transaction. */
  async run(now = new Date()): Promise<{ ended: number; warned: number }> {
    const expired = await this.db.manager.find(MembershipEntity, { where: { expiresAt: LessThanOrEqual(now) }, take: 500 });
    let ended = 0;
    for (const m of expired) {
      ended += await this.db.transaction(async (tx) => {
        const user = await tx.findOneBy(UserEntity, { id: m.userId });
        const group = await tx.findOneBy(GroupEntity, { id: m.groupId });
        if (!user || !group) return 0;
        // Re-check inside the transaction: it may have been renewed or removed meanwhile.
        const still = await tx.findOneBy(MembershipEntity, { userId: m.userId, groupId: m.groupId, expiresAt: LessThanOrEqual(now) });
        if (!still) return 0;
        const before = await this.cascade.snapshot(tx, [user.id]);
        await endMembership(tx, { user: { id: user.id, label: userLabel(user) }, group, actor: SYSTEM_ACTOR, action: 'MEMBER_REMOVED', cause: 'EXPIRY' });
        await notify(tx, [user.id], { title: `Your membership of ${group.name} has ended`, body: 'It reached its expiry date.', link: `/groups/${group.id}` });
        await this.cascade.apply(tx, before, SYSTEM_ACTOR, `membership of ${group.name} expired`);
        return 1;
      });
    }
    const warned = await this.db.transaction((tx) => this.warn(tx, now));
    return { ended, warned };
  }

  private async warn(tx: EntityManager, now: Date): Promise<number> {
    const { expiryWarningDays } = await readSettings(tx);
    if (expiryWarningDays <= 0) return 0;
    const horizon = new Date(now.getTime() + expiryWarningDays * 24 * 3600_000);
    const soon = await tx.find(MembershipEntity, {
      where: { expiresAt: And(Not(IsNull()), MoreThan(now), LessThanOrEqual(horizon)), expiryWarnedAt: IsNull() },
      relations: { group: true },
      take: 1000,
    });
    for (const m of soon) {
      await notify(tx, [m.userId], {
        title: `Your membership of ${m.group!.name} expires soon`,
        body: `It ends on ${m.expiresAt!.toISOString().slice(0, 10)}. Ask a leader to renew it if you still need it.`,
        link: `/groups/${m.groupId}`,
      });
      await tx.update(MembershipEntity, { userId: m.userId, groupId: m.groupId }, { expiryWarnedAt: now });
    }
    return soon.length;
  }
}
