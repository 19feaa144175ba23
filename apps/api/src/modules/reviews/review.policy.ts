import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import type { GroupFacts } from '../groups/group.policy';

/** What the policy needs to know about one review and the viewer's relation to it. */
export interface ReviewFacts {
  review: { status: 'OPEN' | 'CLOSED'; createdById: string | null };
  /** Facts of each group under review (the viewer's relation to it), by group id. */
  groups: ReadonlyMap<string, GroupFacts>;
}

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const isManager = (v: Viewer) => holds(v, 'groups.manage');
const isSelfService = (f: GroupFacts) => !f.group.internal && !f.group.restricted;
const isOpen = (r: ReviewFacts) => r.review.status === 'OPEN';
const startedIt = (v: Viewer, r: ReviewFacts) => r.review.createdById !== null && r.review.createdById === v.userId;

/**
 * Access review rules (SPEC §21). Deny by default. Reviewers of a group are its approvers (§2):
 * its leaders, managers for the groups they may manage, admins. Nobody decides their own item —
 * it goes to the other approvers, or to admins.
 */
export const reviewPolicy = {
  /** Start a review of a group: admins; managers for the groups they may manage (self-service). */
  startFor: (v: Viewer, g: GroupFacts) => isAdmin(v) || (isManager(v) && isSelfService(g)),
  /** May start reviews at all (the operation's first gate). */
  start: (v: Viewer) => isAdmin(v) || isManager(v),
  /** Review a group's items: leaders, managers for self-service groups, admins. */
  reviewGroup: (v: Viewer, g: GroupFacts) => isAdmin(v) || g.isLeader || (isManager(v) && isSelfService(g)),
  /** Decide one item: an open review, a group the viewer reviews, not the viewer's own membership. */
  decide: (v: Viewer, r: ReviewFacts, g: GroupFacts, itemUserId: string) => isOpen(r) && reviewPolicy.reviewGroup(v, g) && itemUserId !== v.userId,
  /** See a review (API.md: those who started one, reviewers, admins). */
  read: (v: Viewer, r: ReviewFacts) => isAdmin(v) || startedIt(v, r) || [...r.groups.values()].some((g) => reviewPolicy.reviewGroup(v, g)),
  /** See every item of a review, not only those of the groups the viewer reviews. */
  readAllItems: (v: Viewer, r: ReviewFacts) => isAdmin(v) || startedIt(v, r),
  /** Close before the deadline (SPEC §21: an admin). */
  close: (v: Viewer) => isAdmin(v),
};

/**
 * `reviewPolicy.reviewGroup` over all groups at once, for a statement that cannot ask per group
 * (the waiting count, review-waiting.repository.ts): every group for administrators; else the
 * groups led and, for managers, every self-service group. The same predicates as reviewGroup.
 */
export type ReviewerScope = { all: true } | { all: false; ledGroupIds: readonly string[]; selfService: boolean };

export function reviewerScope(v: Viewer, ledGroupIds: readonly string[]): ReviewerScope {
  return isAdmin(v) ? { all: true } : { all: false, ledGroupIds, selfService: isManager(v) };
}
