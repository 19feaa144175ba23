import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { Db } from '../../db/db';
import { SYSTEM_ACTOR, userLabel, type Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { GroupEntity } from '../groups/group.entity';
import type { MembershipsService } from '../memberships/memberships.service';
import type { RequestsService } from '../requests/requests.service';
import { AccessReviewEntity, AccessReviewGroupEntity, AccessReviewItemEntity } from './access-review.entity';
import { reviewItemsRepository } from './review-items.repository';
import { day, notifyReviewers, REMIND_BEFORE } from './review-notify';

/** Reviews (and groups to apply) one sweep handles; the next sweep does the rest. */
const SWEEP_BATCH = 100;

export interface ReviewSweepResult {
  /** Reviews this sweeper closed at their deadline. */
  closed: number;
  /** Reviews whose reviewers this sweeper reminded. */
  reminded: number;
}

/**
 * Closing access reviews (SPEC §21) — by an admin or at the deadline, once per deployment: undecided
 * items take the default, then the decisions are carried out through the one owner of membership
 * (cause REVIEW, the permission cascade applied), one transaction per group. A membership that
 * ended or changed (made again, another source) during the review is skipped. Also the reminders
 * three days before a deadline. Authorization is the caller's (ReviewsService.close).
 */
export class ReviewClosing {
  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsService,
    private readonly requests: Pick<RequestsService, 'approverIds'>,
  ) {}

  /** Marks the review closed and gives undecided items the default, audited (REVIEW_CLOSED). */
  async closeIn(tx: EntityManager, review: AccessReviewEntity, actor: Actor, now: Date): Promise<void> {
    const total = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id });
    const undecided = await tx.countBy(AccessReviewItemEntity, { reviewId: review.id, decision: IsNull() });
    await tx.update(AccessReviewEntity, { id: review.id }, { status: 'CLOSED', closedAt: now, closedById: actor.id });
    await tx.update(AccessReviewItemEntity, { reviewId: review.id, decision: IsNull() }, { decision: review.defaultDecision, decidedAt: now });
    // Nothing to carry out: every group is done.
    if (!review.autoApply) await tx.update(AccessReviewGroupEntity, { reviewId: review.id }, { appliedAt: now });
    await audit(tx, {
      action: 'REVIEW_CLOSED',
      actor,
      details: {
        review: { id: review.id, label: review.name },
        items: total,
        decided: total - undecided,
        defaulted: undecided,
        defaultDecision: review.defaultDecision,
        autoApply: review.autoApply,
      },
    });
  }

  /**
   * Carries out a closed review's decisions for each group not done yet, one transaction per
   * group. `claim`: the deadline job passes over a group another server is applying (SKIP LOCKED);
   * an admin's close waits for it and then finds it done.
   */
  async applyPending(reviewId: string, actor: Actor, claim: boolean): Promise<void> {
    const pending = await this.db.manager.findBy(AccessReviewGroupEntity, { reviewId, appliedAt: IsNull() });
    for (const { groupId } of pending) await this.db.transaction((tx) => this.applyGroup(tx, reviewId, groupId, actor, claim));
  }

  /**
   * One group of a closed review: its items whose membership is still the one reviewed (same
   * source, same start, still current) are carried out — REMOVE ends them through the owner of
   * membership (one unit of work: set-based, audited with cause REVIEW, the member notified, the
   * cascade of §8 applied), KEEP stands — and marked applied; the others are skipped.
   */
  private async applyGroup(tx: EntityManager, reviewId: string, groupId: string, actor: Actor, claim: boolean): Promise<void> {
    const mode = this.db.lockClause();
    const lock = claim ? this.db.claimLock() : mode ? { mode } : undefined;
    const link = await tx.findOne(AccessReviewGroupEntity, { where: { reviewId, groupId }, ...(lock ? { lock } : {}) });
    if (!link || link.appliedAt) return;
    const now = new Date();
    const review = await tx.findOneByOrFail(AccessReviewEntity, { id: reviewId });
    const group = await tx.findOneBy(GroupEntity, { id: groupId });
    if (group) {
      const rows = await reviewItemsRepository.stillReviewed(tx, this.db.dialect === 'postgres', reviewId, groupId, now);
      const applied = rows.filter((r) => r.decision === 'KEEP').map((r) => r.id);
      const removals = rows.filter((r) => r.decision === 'REMOVE');
      if (removals.length) {
        const users = removals.map((r) => ({ id: r.userId, label: userLabel(r) }));
        const cascade = { userIds: users.map((u) => u.id), actor, cause: `removed from ${group.name} by the access review “${review.name}”` };
        const { result: ended } = await this.memberships.change(tx, { cascade }, async (unit) => {
          const ended = await unit.endMany(group, users, { actor, action: 'MEMBER_REMOVED', cause: 'REVIEW', reason: `Access review “${review.name}”` });
          unit.notify(ended, {
            kind: 'MEMBERSHIP_REMOVED',
            title: `You were removed from ${group.name}`,
            body: `The access review “${review.name}” ended your membership.`,
            link: `/groups/${group.id}`,
          });
          return ended;
        });
        const endedIds = new Set(ended);
        applied.push(...removals.filter((r) => endedIds.has(r.userId)).map((r) => r.id));
      }
      await reviewItemsRepository.markApplied(tx, applied);
    }
    await tx.update(AccessReviewGroupEntity, { reviewId, groupId }, { appliedAt: now });
  }

  // ---- the deadline job ----------------------------------------------------------------------

  /**
   * Once per deployment (SPEC §16), called by the sweeper: closes reviews past their deadline,
   * finishes applying closed reviews' groups (a crash between a close and its groups), and
   * reminds reviewers three days before a deadline, once. Each review and group is claimed in the
   * database (SKIP LOCKED, and re-read under the claim), so however many servers sweep at the same
   * moment, each is closed, applied and reminded once. On SQLite (one process) transactions run one
   * at a time, so the re-read is the claim.
   */
  async sweep(now = new Date()): Promise<ReviewSweepResult> {
    const m = this.db.manager;
    let closed = 0;
    const due = await m.find(AccessReviewEntity, { select: { id: true }, where: { status: 'OPEN', deadline: LessThanOrEqual(now) }, order: { deadline: 'ASC' }, take: SWEEP_BATCH });
    for (const { id } of due) {
      closed += await this.db.transaction(async (tx) => {
        const review = await this.claimReview(tx, id);
        if (!review || review.status !== 'OPEN' || review.deadline > now) return 0;
        await this.closeIn(tx, review, SYSTEM_ACTOR, now);
        return 1;
      });
    }
    const pending = await m
      .createQueryBuilder(AccessReviewGroupEntity, 'rg')
      .innerJoin(AccessReviewEntity, 'r', 'r.id = rg.reviewId')
      .where('r.status = :closed AND rg.appliedAt IS NULL', { closed: 'CLOSED' })
      .orderBy('rg.reviewId')
      .limit(SWEEP_BATCH)
      .getMany();
    for (const { reviewId, groupId } of pending) await this.db.transaction((tx) => this.applyGroup(tx, reviewId, groupId, SYSTEM_ACTOR, true));

    let reminded = 0;
    const soon = await m.find(AccessReviewEntity, {
      select: { id: true },
      where: { status: 'OPEN', remindedAt: IsNull(), deadline: LessThanOrEqual(new Date(now.getTime() + REMIND_BEFORE)) },
      take: SWEEP_BATCH,
    });
    for (const { id } of soon) reminded += await this.db.transaction((tx) => this.remind(tx, id, now));
    return { closed, reminded };
  }

  private async claimReview(tx: EntityManager, id: string): Promise<AccessReviewEntity | null> {
    const claim = this.db.claimLock();
    return tx.findOne(AccessReviewEntity, { where: { id }, ...(claim ? { lock: claim } : {}) });
  }

  /** Reminds the reviewers of the groups that still have undecided items, once per review. */
  private async remind(tx: EntityManager, id: string, now: Date): Promise<number> {
    const review = await this.claimReview(tx, id);
    if (!review || review.status !== 'OPEN' || review.remindedAt) return 0;
    const open = await tx
      .createQueryBuilder(AccessReviewItemEntity, 'i')
      .select('DISTINCT i.groupId', 'groupId')
      .where('i.reviewId = :id AND i.decision IS NULL', { id })
      .getRawMany<{ groupId: string }>();
    const groups = open.length ? await tx.findBy(GroupEntity, { id: In(open.map((r) => r.groupId)) }) : [];
    await notifyReviewers(tx, this.requests, review, groups, null, (names) => ({
      title: `Reminder: review the members of ${names}`,
      body: `The access review “${review.name}” closes on ${day(review.deadline)} (UTC). Undecided memberships will be ${review.defaultDecision === 'KEEP' ? 'kept' : 'removed'}.`,
    }));
    await tx.update(AccessReviewEntity, { id }, { remindedAt: now });
    return 1;
  }
}
