import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';

/** What the policy needs to know about one group and the viewer's relation to it. */
export interface GroupFacts {
  group: { name: string; internal: boolean; hidden: boolean; open: boolean; public: boolean; restricted: boolean; builtIn: string | null; maxMembers: number | null };
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

/** What a group's creation or change asks for beyond its settings (the admin-only parts, §2). */
export interface GroupChange {
  /** Creating (the refusal names the flags to clear) or changing an existing group. */
  creating: boolean;
  /** The group is to be internal or restricted. */
  internalOrRestricted: boolean;
  /** Permissions are given or changed. */
  permissions: boolean;
}

export const NOT_FOUND_GROUP = 'No group has this id, or you may not see it.';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const isManager = (v: Viewer) => holds(v, 'groups.manage');
const mayRequest = (v: Viewer) => holds(v, 'groups.request');
const isSelfService = (f: GroupFacts) => !f.group.internal && !f.group.restricted;
const isBuiltIn = (f: GroupFacts) => f.group.builtIn !== null;
const isListed = (f: GroupFacts) => !f.group.internal && !f.group.hidden;
const mayAsk = (v: Viewer, f: GroupFacts) => f.group.public || mayRequest(v);
const hasPendingJoinOrLeave = (f: GroupFacts) => f.pendingRequest === 'JOIN' || f.pendingRequest === 'LEAVE';
const listable = (v: Viewer, f: GroupFacts) => f.isMember || isAdmin(v) || isManager(v) || f.isLeader || (isListed(f) && mayAsk(v, f));
const approves = (v: Viewer, f: GroupFacts) => isAdmin(v) || (isSelfService(f) && (f.isLeader || isManager(v)));
const changesMembers = (v: Viewer, f: GroupFacts) => isAdmin(v) || (isSelfService(f) && (isManager(v) || f.isLeader));
const managesSettings = (v: Viewer, f: GroupFacts) => isAdmin(v) || (isManager(v) && isSelfService(f));
const full = (f: GroupFacts) => errors.conflict('GROUP_FULL', `${f.group.name} is full (${f.group.maxMembers} members).`);

/**
 * Group rules (SPEC §2–§7), one row each (authz/authorize.ts): deny by default; services
 * `authorize` by a row's name and throw its refusal, `viewerCan` is `can` on the same rows, and the
 * SPA renders buttons from those answers and never re-derives a rule.
 */
export const groupPolicy = {
  /** Listed in the directory (§3). */
  list: rule(listable),
  /** Answered by `group(id)`: anything listable, plus hidden non-internal groups by their join link. */
  read: rule(
    (v, f: GroupFacts) => listable(v, f) || (!f.group.internal && mayAsk(v, f)),
    () => errors.notFound(NOT_FOUND_GROUP),
  ),
  join: rule((v, f: GroupFacts) => !f.isMember && !f.group.internal && f.group.open && !f.group.restricted && !f.isFull && mayAsk(v, f)),
  /** Ask to join (§4); a request left from an ended membership's extension gives way to it (§20). */
  requestJoin: rule((v, f: GroupFacts) => !f.isMember && !hasPendingJoinOrLeave(f) && !f.group.internal && !(f.group.open && !f.group.restricted) && mayAsk(v, f)),
  /** Leave at once (§5): open groups; other non-internal groups when autoLeave is on, unless a leave request is already pending (§5 step 5 comes first). */
  leave: rule((_v, f: GroupFacts) => f.isMember && !f.group.internal && (f.group.open || (f.autoLeave && f.pendingRequest !== 'LEAVE'))),
  /** Ask to leave (§5); a pending join or extension request is replaced by it. */
  requestLeave: rule((_v, f: GroupFacts) => f.isMember && !f.group.internal && !f.group.open && !f.autoLeave && f.pendingRequest !== 'LEAVE'),
  /** `joinGroup` step 2 (§4): nobody joins an internal group by themselves. */
  joinYourself: rule(
    (_v, f: GroupFacts) => !f.group.internal,
    (_v, f) => errors.forbidden('GROUP_INTERNAL', `${f.group.name} is managed by administrators; you cannot join it yourself.`),
  ),
  /** `joinGroup` step 4 (§4): a group that is not public takes only holders of groups.request. */
  joinWithoutPublic: rule(
    (v, f: GroupFacts) => mayAsk(v, f),
    (_v, f) => errors.forbidden('MISSING_PERMISSION', `Joining ${f.group.name} needs the groups.request permission.`),
  ),
  /** `leaveGroup` step 2 (§5): nobody leaves an internal group by themselves. */
  leaveYourself: rule(
    (_v, f: GroupFacts) => !f.group.internal,
    (_v, f) => errors.forbidden('GROUP_INTERNAL', `${f.group.name} is managed by administrators; ask one to remove you.`),
  ),
  /** Approvers: leaders, managers (self-service groups), admins; restricted groups: admins only (§6). */
  decideRequests: rule(approves, (_v, f) =>
    errors.forbidden('NOT_APPROVER', f.group.restricted ? `Only administrators decide requests for ${f.group.name}.` : `You are not an approver of ${f.group.name}.`),
  ),
  /** Add members directly (§7): restricted and internal groups only through an admin; never past maxMembers. */
  addMembers: rule(
    (v, f: GroupFacts) => !f.isFull && changesMembers(v, f),
    (v, f) =>
      changesMembers(v, f)
        ? full(f)
        : errors.forbidden('NOT_ALLOWED', 'You may not add members to this group: internal and restricted groups gain members only through an administrator.'),
  ),
  /**
   * Change a current membership's expiry (§20), and so approve an extension: as adding members —
   * internal and restricted groups only through an admin.
   */
  changeExpiry: rule(changesMembers, () =>
    errors.forbidden('NOT_ALLOWED', 'You may not change expiries in this group: its leaders, managers and administrators may (internal and restricted groups: administrators only).'),
  ),
  /** One's own membership's expiry: only with allowSelfApproval, or as an admin (§20). */
  changeOwnExpiry: rule(
    (v, c: { own: boolean; allowSelfApproval: boolean }) => !c.own || isAdmin(v) || c.allowSelfApproval,
    () => errors.forbidden('SELF_APPROVAL', 'You cannot change the expiry of your own membership; another leader or an administrator must.'),
  ),
  /** Escalation guard (§2): only an admin grows a group carrying permissions the adder lacks. */
  growCarrying: rule(
    (v, c: { groupName: string; missing: readonly string[] }) => isAdmin(v) || c.missing.length === 0,
    (_v, c) => errors.forbidden('ESCALATION', `${c.groupName} carries ${c.missing.join(', ')}, which you do not hold; only an administrator may add members to it.`),
  ),
  /** Ask to extend one's own membership (§20); one pending request per group at a time. */
  requestExtension: rule((_v, f: GroupFacts) => f.isMember && f.membershipExpires && f.pendingRequest === null),
  /** Remove members (§7): leaders and managers for any non-internal group. */
  removeMembers: rule(
    (v, f: GroupFacts) => isAdmin(v) || (!f.group.internal && (isManager(v) || f.isLeader)),
    () => errors.forbidden('NOT_ALLOWED', 'You may not remove members from this group.'),
  ),
  /** Member list and history: leaders, managers, admins, and the group's own members. */
  listMembers: rule((v, f: GroupFacts) => isAdmin(v) || isManager(v) || f.isLeader || f.isMember),
  readHistory: rule((v, f: GroupFacts) => isAdmin(v) || f.isLeader || holds(v, 'audit.read')),
  /** Settings (not permissions): managers for self-service groups, admins for all (§2). */
  update: rule(managesSettings, () => errors.forbidden('NOT_ALLOWED', 'Only administrators may change internal or restricted groups.')),
  /** The admin-only parts of a creation or change (§2): internal or restricted, and permissions. */
  changeAdminOnly: rule(
    (v, c: GroupChange) => isAdmin(v) || (!c.internalOrRestricted && !c.permissions),
    (_v, c) =>
      c.internalOrRestricted
        ? errors.forbidden('ADMIN_ONLY_FLAGS', c.creating ? 'Only administrators may create internal or restricted groups; clear those flags.' : 'Only administrators may make a group internal or restricted.')
        : errors.forbidden('ADMIN_ONLY_PERMISSIONS', c.creating ? 'Only administrators may give a group permissions.' : "Only administrators may change a group's permissions."),
  ),
  /** The built-in groups keep their names (§2). */
  rename: rule(
    (_v, f: GroupFacts) => !isBuiltIn(f),
    (_v, f) => errors.forbidden('BUILT_IN_GROUP', `The built-in ${f.group.name} group cannot be renamed.`),
  ),
  /** The built-in groups stay internal (§2). */
  makeNotInternal: rule(
    (_v, f: GroupFacts) => !isBuiltIn(f),
    (_v, f) => errors.forbidden('BUILT_IN_GROUP', `The built-in ${f.group.name} group stays internal.`),
  ),
  setPermissions: rule(isAdmin, () => errors.forbidden('NOT_ADMIN', 'Only administrators change group permissions.')),
  setLeaders: rule(managesSettings, () => errors.forbidden('NOT_ALLOWED', "Only administrators and group managers may change a group's leaders.")),
  delete: rule(
    (v, f: GroupFacts) => isAdmin(v) && !isBuiltIn(f),
    (v, f) => (isAdmin(v) ? errors.forbidden('BUILT_IN_GROUP', `The built-in ${f.group.name} group cannot be deleted.`) : errors.forbidden('NOT_ADMIN', 'Only administrators may delete groups.')),
  ),
  create: rule((v) => isAdmin(v) || isManager(v), () => errors.forbidden('MISSING_PERMISSION', 'Creating groups needs groups.manage.')),
};

/**
 * In which capacity the viewer changes the group's members (the `cause` of SPEC §9, §17): an
 * admin as ADMIN, a leader as LEADER, a `groups.manage` holder who does not lead it as MANAGER.
 */
export function actingRole(v: Viewer, f: GroupFacts): 'ADMIN' | 'LEADER' | 'MANAGER' {
  if (isAdmin(v)) return 'ADMIN';
  return f.isLeader ? 'LEADER' : 'MANAGER';
}
