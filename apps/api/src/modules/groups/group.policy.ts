import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';

/** What the policy needs to know about one group and the viewer's relation to it. */
export interface GroupFacts {
  group: { internal: boolean; hidden: boolean; open: boolean; public: boolean; restricted: boolean; builtIn: string | null };
  /** The viewer is a current member. */
  isMember: boolean;
  /** The viewer's current membership has an expiry (only such a membership can be extended, §20). */
  membershipExpires: boolean;
  /** The viewer leads the group (listed, or a direct current member of a leader group). */
  isLeader: boolean;
  /** The kind of the viewer's pending request for the group, if any (at most one per group). */
  pendingRequest: 'JOIN' | 'LEAVE' | 'EXTEND' | null;
  /** maxMembers is reached: nobody can be added or join until someone leaves. */
  isFull: boolean;
  /** settings.autoLeave: leaving a non-open group happens at once. */
  autoLeave: boolean;
}

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const isManager = (v: Viewer) => holds(v, 'groups.manage');
const mayRequest = (v: Viewer) => holds(v, 'groups.request');
const isSelfService = (f: GroupFacts) => !f.group.internal && !f.group.restricted;
const isBuiltIn = (f: GroupFacts) => f.group.builtIn !== null;
const isListed = (f: GroupFacts) => !f.group.internal && !f.group.hidden;
const hasPendingJoinOrLeave = (f: GroupFacts) => f.pendingRequest === 'JOIN' || f.pendingRequest === 'LEAVE';

/**
 * Group rules (SPEC §2–§7). Deny by default. `viewerCan` sends these answers to the SPA, which
 * renders buttons from them and never re-derives a rule.
 */
export const groupPolicy = {
  /** Listed in the directory (§3). */
  list: (v: Viewer, f: GroupFacts) =>
    f.isMember || isAdmin(v) || isManager(v) || f.isLeader || (isListed(f) && (f.group.public || mayRequest(v))),
  /** Answered by `group(id)`: anything listable, plus hidden non-internal groups by their join link. */
  read: (v: Viewer, f: GroupFacts) =>
    groupPolicy.list(v, f) || (!f.group.internal && (f.group.public || mayRequest(v))),
  join: (v: Viewer, f: GroupFacts) =>
    !f.isMember && !f.group.internal && f.group.open && !f.group.restricted && !f.isFull && (f.group.public || mayRequest(v)),
  /** Ask to join (§4); a request left from an ended membership's extension gives way to it (§20). */
  requestJoin: (v: Viewer, f: GroupFacts) =>
    !f.isMember && !hasPendingJoinOrLeave(f) && !f.group.internal && !(f.group.open && !f.group.restricted) && (f.group.public || mayRequest(v)),
  /** Leave at once (§5): open groups; other non-internal groups when autoLeave is on, unless a leave request is already pending (§5 step 5 comes first). */
  leave: (_v: Viewer, f: GroupFacts) => f.isMember && !f.group.internal && (f.group.open || (f.autoLeave && f.pendingRequest !== 'LEAVE')),
  /** Ask to leave (§5); a pending join or extension request is replaced by it. */
  requestLeave: (_v: Viewer, f: GroupFacts) => f.isMember && !f.group.internal && !f.group.open && !f.autoLeave && f.pendingRequest !== 'LEAVE',
  /** Approvers: leaders, managers (self-service groups), admins; restricted groups: admins only (§6). */
  decideRequests: (v: Viewer, f: GroupFacts) =>
    isAdmin(v) || (!f.group.restricted && !f.group.internal && (f.isLeader || isManager(v))),
  /** Add members directly (§7): restricted and internal groups only through an admin. */
  addMembers: (v: Viewer, f: GroupFacts) => !f.isFull && (isAdmin(v) || (isSelfService(f) && (isManager(v) || f.isLeader))),
  /**
   * Change a current membership's expiry (§20), and so approve an extension: as adding members —
   * internal and restricted groups only through an admin.
   */
  changeExpiry: (v: Viewer, f: GroupFacts) => isAdmin(v) || (isSelfService(f) && (isManager(v) || f.isLeader)),
  /** Ask to extend one's own membership (§20); one pending request per group at a time. */
  requestExtension: (_v: Viewer, f: GroupFacts) => f.isMember && f.membershipExpires && f.pendingRequest === null,
  /** Remove members (§7): leaders and managers for any non-internal group. */
  removeMembers: (v: Viewer, f: GroupFacts) => isAdmin(v) || (!f.group.internal && (isManager(v) || f.isLeader)),
  /** Member list and history: leaders, managers, admins, and the group's own members. */
  listMembers: (v: Viewer, f: GroupFacts) => isAdmin(v) || isManager(v) || f.isLeader || f.isMember,
  readHistory: (v: Viewer, f: GroupFacts) => isAdmin(v) || f.isLeader || holds(v, 'audit.read'),
  /** Settings (not permissions): managers for self-service groups, admins for all (§2). */
  update: (v: Viewer, f: GroupFacts) => isAdmin(v) || (isManager(v) && isSelfService(f)),
  setPermissions: (v: Viewer) => isAdmin(v),
  setLeaders: (v: Viewer, f: GroupFacts) => isAdmin(v) || (isManager(v) && isSelfService(f)),
  delete: (v: Viewer, f: GroupFacts) => isAdmin(v) && !isBuiltIn(f),
  create: (v: Viewer) => isAdmin(v) || isManager(v),
};

/**
 * In which capacity the viewer changes the group's members (the `cause` of SPEC §9, §17): an
 * admin as ADMIN, a leader as LEADER, a `groups.manage` holder who does not lead it as MANAGER.
 */
export function actingRole(v: Viewer, f: GroupFacts): 'ADMIN' | 'LEADER' | 'MANAGER' {
  if (isAdmin(v)) return 'ADMIN';
  return f.isLeader ? 'LEADER' : 'MANAGER';
}
