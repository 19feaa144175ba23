import { Brackets, In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize, can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, emptyPage, toPage, type Page } from '../../common/pagination';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { type GroupEntity } from '../groups/group.entity';
import { groupPolicy } from '../groups/group.policy';
import type { GroupsService } from '../groups/groups.service';
import { groupIdsLedBy } from '../groups/leadership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import type { RequestsService } from '../requests/requests.service';
import { AccessReviewEntity, AccessReviewItemEntity, type ReviewDecision, type ReviewStatus } from './access-review.entity';
import { ReviewClosing, type ReviewSweepResult } from './review-close';
import { reviewItemsRepository } from './review-items.repository';
import { reviewRepository } from './review.repository';
import { waitingItemCount } from './review-waiting.repository';
import { startReview, type ReviewInput } from './review-start';
import { NOT_FOUND_ITEMS, NOT_FOUND_REVIEW, reviewerScope, reviewPolicy, type ReviewFacts } from './review.policy';

export type { ReviewInput } from './review-start';
export type { ReviewSweepResult } from './review-close';


/** A review as the viewer sees it: the row, its groups, and the viewer's relation to each. */
export interface ReviewView {
  review: AccessReviewEntity;
  groups: GroupEntity[];
  facts: ReviewFacts;
  /** Items per group, counted at the start (they never change after it). */
  itemCounts: ReadonlyMap<string, number>;
}

export interface ItemsFilter {
  groupId?: string | null;
  undecidedOnly?: boolean | null;
  mine?: boolean | null;
}

/**
 * Access reviews (SPEC §21): reading them as the viewer may, starting one (review-start.ts:
 * snapshots the chosen groups' current memberships as items and tells the reviewers), deciding
 * KEEP or REMOVE (never one's own membership), and closing — by an admin here, at the deadline
 * in the sweep; the carrying out lives in review-close.ts. Item queries: review-items.repository.ts.
 */
export class ReviewsService {
  private readonly closing: ReviewClosing;

  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
    memberships: MembershipsService,
    private readonly requests: RequestsService,
  ) {
    this.closing = new ReviewClosing(db, memberships, requests);
  }

  // ---- reading ---------------------------------------------------------------------------

  /** The viewer's relation to each review's groups, batched over a page of reviews. */
  private async viewsOf(viewer: Viewer, reviews: readonly AccessReviewEntity[], manager: EntityManager): Promise<ReviewView[]> {
    if (reviews.length === 0) return [];
    const links = await reviewRepository.groupsOf(manager, reviews.map((r) => r.id));
    const facts = await this.groups.factsFor(viewer, [...new Map(links.map((l) => [l.group.id, l.group])).values()], manager);
    return reviews.map((review) => {
      const own = links.filter((l) => l.reviewId === review.id);
      const mine = own.map((l) => l.group).sort((a, b) => a.nameKey.localeCompare(b.nameKey));
      const itemCounts = new Map(own.map((l) => [l.group.id, l.itemCount]));
      return { review, groups: mine, itemCounts, facts: { review, groups: new Map(mine.map((g) => [g.id, facts.get(g.id)!])) } };
    });
  }

  /** `accessReview(id)`: null unless the viewer may see it. */
  async byId(viewer: Viewer, id: string): Promise<ReviewView | null> {
    if (!isUuid(id)) return null;
    const review = await reviewRepository.byId(this.db.manager, id);
    if (!review) return null;
    const [view] = await this.viewsOf(viewer, [review], this.db.manager);
    return view && can(reviewPolicy, 'read', viewer, view.facts) ? view : null;
  }

  /**
   * `accessReviews`: those the viewer started, those with a group they review, every one for
   * admins. Newest first, cursor-paged.
   */
  async list(viewer: Viewer, status: ReviewStatus | null | undefined, first: number, after: string | null | undefined): Promise<Page<ReviewView>> {
    const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
    const m = this.db.manager;
    const qb = m.createQueryBuilder(AccessReviewEntity, 'r');
    if (status) qb.andWhere('r.status = :status', { status });
    if (!viewer.isAdmin) {
      const led = await groupIdsLedBy(m, viewer.userId);
      const reviews: string[] = [];
      if (led.length) reviews.push('rg.group_id IN (:...led)');
      if (holds(viewer, 'groups.manage')) reviews.push('(g.internal = :no AND g.restricted = :no)');
      qb.andWhere(
        new Brackets((w) => {
          w.where('r.createdById = :me', { me: viewer.userId });
          if (reviews.length) {
            w.orWhere(
              `EXISTS (SELECT 1 FROM access_review_group rg JOIN user_group g ON g.id = rg.group_id WHERE rg.review_id = r.id AND (${reviews.join(' OR ')}))`,
              { led, no: false },
            );
          }
        }),
      );
    }
    const totalCount = await qb.getCount();
    if (cursor) {
      const at = new Date(cursor[0]);
      qb.andWhere(new Brackets((w) => w.where('r.createdAt < :cAt', { cAt: at }).orWhere('r.createdAt = :cAt AND r.id < :cId', { cId: cursor[1] })));
    }
    const rows = await qb.orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC').limit(first + 1).getMany();
    const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]);
    const views = await this.viewsOf(viewer, page.nodes, m);
    return { nodes: views, cursor: page.cursor, hasNextPage: page.hasNextPage, totalCount };
  }

  /** The groups of the review the viewer may see named (a reviewer of one group does not learn of hidden others). */
  visibleGroups(viewer: Viewer, view: ReviewView): GroupEntity[] {
    return view.groups.filter((g) => can(groupPolicy, 'read', viewer, view.facts.groups.get(g.id)!) || can(reviewPolicy, 'readAllItems', viewer, view.facts));
  }

  /** Groups whose items the viewer sees: all for admins and the starter, else the groups they review. */
  private itemGroups(viewer: Viewer, view: ReviewView): GroupEntity[] {
    if (can(reviewPolicy, 'readAllItems', viewer, view.facts)) return view.groups;
    return view.groups.filter((g) => can(reviewPolicy, 'reviewGroup', viewer, view.facts.groups.get(g.id)!));
  }

  /** Whether the viewer may decide this item now. */
  canDecide(viewer: Viewer, view: ReviewView, item: Pick<AccessReviewItemEntity, 'groupId' | 'userId'>): boolean {
    const g = view.facts.groups.get(item.groupId);
    return g !== undefined && can(reviewPolicy, 'decide', viewer, view.facts, g, item.userId);
  }

  /** Whether the viewer may close this review now (an open review; SPEC §21: an admin). */
  canClose(viewer: Viewer, view: ReviewView): boolean {
    return can(reviewPolicy, 'close', viewer, view.facts);
  }

  /** `AccessReview.items`: by group and person, cursor-paged; the (review, group, user) index serves it. */
  async items(viewer: Viewer, view: ReviewView, filter: ItemsFilter, first: number, after: string | null | undefined): Promise<Page<AccessReviewItemEntity> & { totalCount: number }> {
    // A forged cursor is refused even when the viewer sees no items.
    if (after) decodeCursor(after, ['uuid', 'uuid']);
    let groups = filter.mine
      ? view.groups.filter((g) => can(reviewPolicy, 'reviewGroup', viewer, view.facts.groups.get(g.id)!))
      : this.itemGroups(viewer, view);
    if (filter.groupId) groups = groups.filter((g) => g.id === filter.groupId);
    if (groups.length === 0) return emptyPage();
    return reviewItemsRepository.page(
      this.db.manager,
      {
        reviewId: view.review.id,
        groupIds: groups.length < view.groups.length ? groups.map((g) => g.id) : null,
        exceptUserId: filter.mine ? viewer.userId : null,
        undecidedOnly: filter.undecidedOnly ?? false,
        knownTotal: filter.undecidedOnly ? null : groups.reduce((n, g) => n + (view.itemCounts.get(g.id) ?? 0), 0),
      },
      first,
      after,
    );
  }

  /**
   * `reviewItemsWaiting`: how many items the viewer may decide now (the navbar's count). Two
   * statements at most: the groups they lead, then the count; none to count for someone who
   * reviews no group.
   */
  async waitingCount(viewer: Viewer): Promise<number> {
    const m = this.db.manager;
    const scope = reviewerScope(viewer, viewer.isAdmin ? [] : await groupIdsLedBy(m, viewer.userId));
    if (!scope.all && scope.ledGroupIds.length === 0 && !scope.selfService) return 0;
    return waitingItemCount(m, viewer.userId, scope);
  }

  /** Items and decided items of each review (itemCount, decidedCount), one statement for a page. */
  counts(reviewIds: readonly string[]): Promise<Map<string, { items: number; decided: number }>> {
    return reviewItemsRepository.counts(this.db.manager, reviewIds);
  }

  /** Progress per group (SPEC §21), over the groups whose items the viewer sees. */
  async groupProgress(viewer: Viewer, view: ReviewView): Promise<{ groupId: string; itemCount: number; decidedCount: number }[]> {
    const groups = this.itemGroups(viewer, view);
    if (groups.length === 0) return [];
    return reviewItemsRepository.groupProgress(this.db.manager, view.review.id, groups.map((g) => g.id));
  }

  /** Progress per reviewer (SPEC §21): how many items each person decided, over the items the viewer sees. */
  async reviewerProgress(viewer: Viewer, view: ReviewView): Promise<{ userId: string; decidedCount: number }[]> {
    const groups = this.itemGroups(viewer, view);
    if (groups.length === 0) return [];
    return reviewItemsRepository.reviewerProgress(this.db.manager, view.review.id, groups.map((g) => g.id));
  }

  /**
   * Every decision the viewer may see, as CSV (SPEC §21: exported while it runs and after):
   * one row per item, by group and person.
   */
  csv(viewer: Viewer, view: ReviewView): Promise<string> {
    return reviewItemsRepository.csv(this.db.manager, view.review.id, this.itemGroups(viewer, view).map((g) => g.id));
  }

  // ---- starting ----------------------------------------------------------------------------

  /**
   * `startAccessReview` (SPEC §21): admins for any groups, managers for the groups they may manage.
   * Every current membership of the groups becomes an item; the reviewers are notified.
   */
  start(viewer: Viewer, input: ReviewInput): Promise<ReviewView> {
    return startReview({ db: this.db, groups: this.groups, requests: this.requests }, viewer, input, async (tx, review) => {
      const [view] = await this.viewsOf(viewer, [review], tx);
      return view!;
    });
  }

  // ---- deciding ----------------------------------------------------------------------------

  /**
   * `decideReviewItems`: KEEP or REMOVE with an optional comment, for up to 100 items at once, all
   * or nothing. Items the viewer may not see are NOT_FOUND; then the first item, in the order given,
   * that the `decide` row refuses answers for all: a closed review CONFLICT (REVIEW_CLOSED), their own
   * membership FORBIDDEN (SELF_REVIEW), a group they do not review FORBIDDEN (NOT_REVIEWER). The
   * reviews are locked first, so a decision and a close never cross.
   */
  async decide(viewer: Viewer, itemIds: readonly string[], decision: ReviewDecision, comment: string | null | undefined): Promise<{ items: AccessReviewItemEntity[]; views: Map<string, ReviewView> }> {
    const ids = [...new Set(itemIds)];
    const text = comment?.trim() || null;
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'itemIds', `Decide between 1 and ${LIMITS.maxPageSize} items at a time.`)
      .check((text ?? '').length <= LIMITS.reasonMax, 'comment', `The comment must be at most ${LIMITS.reasonMax} characters.`)
      .throwIfAny();
    const missing = () => errors.notFound(NOT_FOUND_ITEMS);
    if (!ids.every(isUuid)) throw missing();
    return this.db.transaction(async (tx) => {
      const found = await tx.findBy(AccessReviewItemEntity, { id: In(ids) });
      if (found.length !== ids.length) throw missing();
      const lock = this.db.lockClause();
      const reviews = await tx.find(AccessReviewEntity, { where: { id: In([...new Set(found.map((i) => i.reviewId))]) }, order: { id: 'ASC' }, ...(lock ? { lock: { mode: lock } } : {}) });
      const views = new Map((await this.viewsOf(viewer, reviews, tx)).map((v) => [v.review.id, v]));
      // Every item seen before any is refused (an unseen one is NOT_FOUND, whatever else is wrong).
      const facts = found.map((item) => {
        const view = views.get(item.reviewId)!;
        return { item, review: view.facts, group: view.facts.groups.get(item.groupId)! };
      });
      for (const f of facts) authorize(reviewPolicy, 'readItem', viewer, f.review, f.group);
      for (const f of facts) authorize(reviewPolicy, 'decide', viewer, f.review, f.group, f.item.userId);
      await tx.update(AccessReviewItemEntity, { id: In(ids) }, { decision, decidedById: viewer.userId, decidedAt: new Date(), comment: text });
      const items = await tx.findBy(AccessReviewItemEntity, { id: In(ids) });
      items.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      return { items, views };
    });
  }

  // ---- closing -----------------------------------------------------------------------------

  /**
   * `closeAccessReview` (SPEC §21: an admin). Closes it (undecided items take the default) in one
   * transaction, then carries the decisions out one transaction per group.
   */
  async close(viewer: Viewer, id: string): Promise<ReviewView> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND_REVIEW);
    await this.db.transaction(async (tx) => {
      const lock = this.db.lockClause();
      const review = await tx.findOne(AccessReviewEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
      if (!review) throw errors.notFound(NOT_FOUND_REVIEW);
      const [view] = await this.viewsOf(viewer, [review], tx);
      authorize(reviewPolicy, 'read', viewer, view!.facts);
      authorize(reviewPolicy, 'close', viewer, view!.facts);
      await this.closing.closeIn(tx, review, viewer.actor, new Date());
    });
    await this.closing.applyPending(id, viewer.actor, false);
    const view = await this.byId(viewer, id);
    if (!view) throw errors.notFound(NOT_FOUND_REVIEW);
    return view;
  }


  // ---- the deadline job ----------------------------------------------------------------------

  /** Once per deployment, called by the sweeper: closes due reviews, applies them, reminds reviewers (ReviewClosing.sweep). */
  sweep(now = new Date()): Promise<ReviewSweepResult> {
    return this.closing.sweep(now);
  }
}
