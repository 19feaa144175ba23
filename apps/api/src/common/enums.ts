import { registerEnumType } from 'type-graphql';

/**
 * The enums of API.md. Values equal names, so entities store the same strings the API speaks.
 */
export enum UserKind { HUMAN = 'HUMAN', SERVICE = 'SERVICE' }
export enum MembershipSource { OPEN_JOIN = 'OPEN_JOIN', REQUEST = 'REQUEST', ADDED = 'ADDED', SSO = 'SSO', DEFAULT = 'DEFAULT', SCIM = 'SCIM' }
export enum GroupSource { MANUAL = 'MANUAL', SSO = 'SSO', SCIM = 'SCIM' }
export enum Shareable { NOBODY = 'NOBODY', MEMBERS = 'MEMBERS', ANYONE = 'ANYONE' }
export enum PermissionLossPolicy { REMOVE_NON_PUBLIC = 'REMOVE_NON_PUBLIC', REMOVE_SELF_SERVICE = 'REMOVE_SELF_SERVICE', KEEP = 'KEEP' }
export enum Registration { OPEN = 'OPEN', CLOSED = 'CLOSED' }
export enum SsoGroupSync { OFF = 'OFF', ADD_ONLY = 'ADD_ONLY', SYNC = 'SYNC' }

registerEnumType(UserKind, {
  name: 'UserKind',
  description: 'A person who signs in, or a service account that uses API tokens only.',
});
registerEnumType(MembershipSource, {
  name: 'MembershipSource',
  description: 'How a membership came about.',
  valuesConfig: {
    OPEN_JOIN: { description: 'Joined an open group themselves.' },
    REQUEST: { description: 'A join request was approved.' },
    ADDED: { description: 'Added directly by a leader, manager or admin.' },
    SSO: { description: 'Joined through single sign-on group sync.' },
    DEFAULT: { description: 'Joined a default group when the account was created.' },
    SCIM: { description: 'Assigned by the identity provider through SCIM provisioning; only SCIM ends it.' },
  },
});
registerEnumType(GroupSource, {
  name: 'GroupSource',
  description: 'Who made a group.',
  valuesConfig: {
    MANUAL: { description: 'Created in Gatehouse (or built in).' },
    SSO: { description: 'Created by single sign-on group sync.' },
    SCIM: { description: 'Created by the identity provider through SCIM provisioning; SCIM manages its SCIM-made members.' },
  },
});
registerEnumType(Shareable, {
  name: 'Shareable',
  description: 'Who may grant resources to a group.',
  valuesConfig: {
    NOBODY: { description: 'Only administrators.' },
    MEMBERS: { description: 'Members of the group.' },
    ANYONE: { description: 'Anyone who may share the resource.' },
  },
});
registerEnumType(PermissionLossPolicy, { name: 'PermissionLossPolicy', description: 'What happens when a user loses groups.request (SPEC §8).' });
registerEnumType(Registration, { name: 'Registration', description: 'Whether people may sign up themselves.' });
registerEnumType(SsoGroupSync, { name: 'SsoGroupSync', description: 'How single sign-on group claims change memberships.' });

export enum RequestKind { JOIN = 'JOIN', LEAVE = 'LEAVE', EXTEND = 'EXTEND' }
export enum RequestStatus { PENDING = 'PENDING', APPROVED = 'APPROVED', REJECTED = 'REJECTED', WITHDRAWN = 'WITHDRAWN', CANCELLED = 'CANCELLED' }
export enum JoinOutcome { JOINED = 'JOINED', REQUESTED = 'REQUESTED', ALREADY_MEMBER = 'ALREADY_MEMBER', ALREADY_REQUESTED = 'ALREADY_REQUESTED' }
export enum LeaveOutcome { LEFT = 'LEFT', REQUESTED = 'REQUESTED', NOT_MEMBER = 'NOT_MEMBER', ALREADY_REQUESTED = 'ALREADY_REQUESTED' }

registerEnumType(RequestKind, { name: 'RequestKind', description: 'Asking to join, to leave, or to extend a membership (SPEC §20).' });
registerEnumType(RequestStatus, { name: 'RequestStatus', description: 'PENDING until approved, rejected, withdrawn by the requester, or cancelled by the system.' });
registerEnumType(JoinOutcome, {
  name: 'JoinOutcome',
  valuesConfig: {
    JOINED: { description: 'You are a member now (open group).' },
    REQUESTED: { description: 'A request went to the approvers.' },
    ALREADY_MEMBER: { description: 'Nothing changed: you are already a member.' },
    ALREADY_REQUESTED: { description: 'Nothing changed: you already have a pending request.' },
  },
});
registerEnumType(LeaveOutcome, {
  name: 'LeaveOutcome',
  valuesConfig: {
    LEFT: { description: 'You are no longer a member.' },
    REQUESTED: { description: 'A leave request went to the approvers.' },
    NOT_MEMBER: { description: 'Nothing changed: you are not a member.' },
    ALREADY_REQUESTED: { description: 'Nothing changed: you already asked to leave.' },
  },
});

export enum AccessLevel { NONE = 'NONE', READ = 'READ', WRITE = 'WRITE' }
export enum Visibility { PRIVATE = 'PRIVATE', PUBLIC = 'PUBLIC' }
export enum AccessReasonKind { ADMIN = 'ADMIN', OWNER = 'OWNER', PUBLIC = 'PUBLIC', USER_GRANT = 'USER_GRANT', GROUP_GRANT = 'GROUP_GRANT' }

registerEnumType(AccessLevel, { name: 'AccessLevel', description: 'NONE < READ < WRITE; write implies read.' });
registerEnumType(Visibility, { name: 'Visibility', description: 'PUBLIC: every active user may read.' });
registerEnumType(AccessReasonKind, { name: 'AccessReasonKind', description: 'One path that gives a user access to a resource.' });
