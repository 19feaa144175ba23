import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';
import type { GroupFacts } from '../groups/group.policy';

/** What the policy needs to know about one review and the viewer's relation to it. */
export interface ReviewFacts {
  review: { name: string; status: 'OPEN' | 'CLOSED'; createdById: string | null };
  /** Facts of each group under review (the viewer's relation to it), by group id. */
  groups: ReadonlyMap<string, GroupFacts>;
}

export const NOT_FOUND_REVIEW = 'No access review has this id, or you may not see it.';
export const NOT_FOUND_ITEMS = 'Some of these review items do not exist, or you may not see them.';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const isManager = (v: Viewer) => holds(v, 'groups.manage');
const isSelfService = (f: GroupFacts) => !f.group.internal && !f.group.restricted;
const isOpen = (r: ReviewFacts) => r.review.status === 'OPEN';
const startedIt = (v: Viewer, r: ReviewFacts) => r.review.createdById !== null && r.review.createdById === v.userId;
const reviews = (v: Viewer, g: GroupFacts) => isAdmin(v) || g.isLeader || (isManager(v) && isSelfService(g));
const reads = (v: Viewer, r: ReviewFacts) => isAdmin(v) || startedIt(v, r) || [...r.groups.values()].some((g) => reviews(v, g));
const readsAll = (v: Viewer, r: ReviewFacts) => isAdmin(v) || startedIt(v, r);

/**
 * Access review rules (SPEC §21), one row each (authz/authorize.ts). Deny by default. Reviewers of
 * a group are its approvers (§2): its leaders, managers for the groups they may manage, admins.
 * Nobody decides their own item — it goes to the other approvers, or to admins.
 */
export const reviewPolicy = {
  /** May start reviews at all (the operation's first gate). */
  start: rule(
    (v) => isAdmin(v) || isManager(v),
    () => errors.forbidden('MISSING_PERMISSION', 'Starting an access review needs groups.manage, or an administrator.'),
  ),
  /** Start a review of this group: admins; managers for the groups they may manage (self-service). */
  startFor: rule(
    (v, g: GroupFacts) => isAdmin(v) || (isManager(v) && isSelfService(g)),
    (_v, g) => errors.forbidden('NOT_ALLOWED', `Only an administrator may review ${g.group.name}: internal and restricted groups are theirs to manage.`),
  ),
  /** Review a group's items: leaders, managers for self-service groups, admins. */
  reviewGroup: rule((v, g: GroupFacts) => reviews(v, g)),
  /** See a review (API.md: those who started one, reviewers, admins); to anyone else it does not exist. */
  read: rule((v, r: ReviewFacts) => reads(v, r), () => errors.notFound(NOT_FOUND_REVIEW)),
  /** See every item of a review, not only those of the groups the viewer reviews. */
  readAllItems: rule((v, r: ReviewFacts) => readsAll(v, r)),
  /** See one item: a review one sees, and all its items or the item's group reviewed. */
  readItem: rule((v, r: ReviewFacts, g: GroupFacts) => reads(v, r) && (readsAll(v, r) || reviews(v, g)), () => errors.notFound(NOT_FOUND_ITEMS)),
  /** Decide one item (`viewerCanDecide`): an open review, a group the viewer reviews, not the viewer's own membership. */
  decide: rule(
    (v, r: ReviewFacts, g: GroupFacts, itemUserId: string) => isOpen(r) && reviews(v, g) && itemUserId !== v.userId,
    (v, r, g, itemUserId) => {
      if (!isOpen(r)) return errors.conflict('REVIEW_CLOSED', `The access review “${r.review.name}” is closed; its decisions can no longer change.`);
      if (itemUserId === v.userId) return errors.forbidden('SELF_REVIEW', 'Nobody reviews their own membership; another reviewer or an administrator decides it.');
      return errors.forbidden('NOT_REVIEWER', `You do not review ${g.group.name}: its leaders, managers for self-service groups and administrators do.`);
    },
  ),
  /** Close before the deadline (`viewerCanClose`; SPEC §21: an admin, while it is open). */
  close: rule(
    (v, r: ReviewFacts) => isAdmin(v) && isOpen(r),
    (v, r) =>
      isAdmin(v)
        ? errors.conflict('ALREADY_CLOSED', `The access review “${r.review.name}” is already closed.`)
        : errors.forbidden('NOT_ALLOWED', 'Only an administrator closes an access review before its deadline.'),
  ),
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
