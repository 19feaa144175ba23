import { can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { groupPolicy, type GroupFacts } from './group.policy';
import type { GroupAbilities } from './group.type';

/** What a viewer without facts (no session, or a group they may not see) may do: nothing. */
export const NO_ABILITIES: GroupAbilities = {
  join: false, requestJoin: false, leave: false, requestLeave: false, decideRequests: false, manageMembers: false,
  addMembers: false, removeMembers: false, changeExpiry: false, requestExtension: false, update: false, setPermissions: false, setLeaders: false, readHistory: false, listMembers: false, delete: false,
};

/**
 * `Group.viewerCan`: every ability is a row of groupPolicy, answered when its field is read. A
 * page of the directory reads three of the sixteen on each of fifty groups; worked out in advance
 * they were eight hundred policy calls a page, for answers nobody had asked for. The fields are
 * plain properties to GraphQL (simpleResolvers), so a getter is all a field costs.
 */
class GroupAbilitiesOf implements GroupAbilities {
  constructor(
    private readonly v: Viewer,
    private readonly f: GroupFacts,
  ) {}
  get join() { return can(groupPolicy, 'join', this.v, this.f); }
  get requestJoin() { return can(groupPolicy, 'requestJoin', this.v, this.f); }
  get leave() { return can(groupPolicy, 'leave', this.v, this.f); }
  get requestLeave() { return can(groupPolicy, 'requestLeave', this.v, this.f); }
  get decideRequests() { return can(groupPolicy, 'decideRequests', this.v, this.f); }
  get manageMembers() { return this.addMembers || this.removeMembers; }
  get addMembers() { return can(groupPolicy, 'addMembers', this.v, this.f); }
  get removeMembers() { return can(groupPolicy, 'removeMembers', this.v, this.f); }
  get changeExpiry() { return can(groupPolicy, 'changeExpiry', this.v, this.f); }
  get requestExtension() { return can(groupPolicy, 'requestExtension', this.v, this.f); }
  get update() { return can(groupPolicy, 'update', this.v, this.f); }
  get setPermissions() { return can(groupPolicy, 'setPermissions', this.v); }
  get setLeaders() { return can(groupPolicy, 'setLeaders', this.v, this.f); }
  get readHistory() { return can(groupPolicy, 'readHistory', this.v, this.f); }
  get listMembers() { return can(groupPolicy, 'listMembers', this.v, this.f); }
  get delete() { return can(groupPolicy, 'delete', this.v, this.f); }
}

/** The viewer's abilities on a group whose facts are known (null facts: may not see it). */
export function groupAbilities(viewer: Viewer | null | undefined, facts: GroupFacts | null): GroupAbilities {
  return facts && viewer ? new GroupAbilitiesOf(viewer, facts) : NO_ABILITIES;
}
