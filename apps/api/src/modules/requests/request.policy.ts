import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { groupPolicy, type GroupFacts } from '../groups/group.policy';

/** What the policy needs to know about one request: whose it is, and the viewer's relation to its group. */
export interface RequestFacts {
  request: { userId: string };
  group: GroupFacts;
}

/** Deciding one's own request also reads the setting that allows it (SPEC §6 step 4). */
export interface OwnDecisionFacts extends RequestFacts {
  allowSelfApproval: boolean;
}

export const NOT_FOUND_REQUEST = 'No request has this id, or you may not see it.';

// Named predicates: each rule below reads as a sentence of them.
const isRequester = (v: Viewer, f: RequestFacts) => f.request.userId === v.userId;
const approves = (v: Viewer, f: RequestFacts) => groupPolicy.decideRequests.allow(v, f.group);

/**
 * Request rules (SPEC §6), one row each (authz/authorize.ts). Joining and leaving themselves are
 * the group's rows (group.policy.ts: join, requestJoin, joinYourself…); these are about a request
 * once it exists. What approving re-checks about the requester is requester-eligibility.ts.
 */
export const requestPolicy = {
  /** See a request (§6.1): the requester, the group's leaders (even where they may not decide), its approvers. */
  read: rule(
    (v, f: RequestFacts) => isRequester(v, f) || f.group.isLeader || approves(v, f),
    () => errors.notFound(NOT_FOUND_REQUEST),
  ),
  /** Approve or reject (§6 step 3): the group's approvers. */
  decide: rule(approves, (v, f) => groupPolicy.decideRequests.refuse(v, f.group)),
  /** Nobody decides their own request unless allowSelfApproval is on (§6 step 4). */
  decideOwn: rule(
    (v, f: OwnDecisionFacts) => !isRequester(v, f) || f.allowSelfApproval,
    () => errors.forbidden('SELF_APPROVAL', 'You cannot decide your own request; another approver must.'),
  ),
  /** Withdraw: only the person who asked. */
  withdraw: rule(isRequester, () => errors.forbidden('NOT_REQUESTER', 'Only the person who asked can withdraw a request.')),
};
