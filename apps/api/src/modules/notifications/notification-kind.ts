import { registerEnumType } from 'type-graphql';

/**
 * The kinds of notification (SPEC §10), one value list: `notify()` requires one, email
 * preferences are kept per kind (SPEC §18), and the GraphQL enum `NotificationKind` derives from it.
 */
export enum NotificationKind {
  REQUEST_TO_DECIDE = 'REQUEST_TO_DECIDE',
  REQUEST_DECIDED = 'REQUEST_DECIDED',
  MEMBERSHIP_ADDED = 'MEMBERSHIP_ADDED',
  MEMBERSHIP_REMOVED = 'MEMBERSHIP_REMOVED',
  EXPIRY_WARNING = 'EXPIRY_WARNING',
  REVIEW_ASSIGNED = 'REVIEW_ASSIGNED',
  ADMIN_ALERT = 'ADMIN_ALERT',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
/** A kind as its string, so a writer of a notification names it without importing the enum. */
export type NotificationKindName = `${NotificationKind}`;

export interface NotificationKindInfo {
  /** What a person switches on or off, in their words. */
  label: string;
  description: string;
  /** SPEC §18: whether email copies are on for someone who never chose. */
  emailByDefault: boolean;
}

/** One row per kind: the words the account page shows and SPEC §18's defaults. */
export const NOTIFICATION_KIND_INFO: Record<NotificationKind, NotificationKindInfo> = {
  REQUEST_TO_DECIDE: { label: 'Requests to decide', description: 'Someone asks to join, leave or extend a membership of a group you approve for.', emailByDefault: true },
  REQUEST_DECIDED: { label: 'Decisions on my requests', description: 'A request of yours was approved or rejected.', emailByDefault: true },
  MEMBERSHIP_ADDED: { label: 'Added to a group', description: 'Someone added you to a group.', emailByDefault: true },
  MEMBERSHIP_REMOVED: { label: 'Removed from a group', description: 'Someone removed you from a group, or your membership ended.', emailByDefault: true },
  EXPIRY_WARNING: { label: 'Expiry warnings', description: 'A membership or an access grant of yours, or one you may renew, ends soon, or its end date changed.', emailByDefault: true },
  REVIEW_ASSIGNED: { label: 'Access reviews to do', description: 'You are asked to review memberships of a group.', emailByDefault: true },
  ADMIN_ALERT: { label: 'Service problems (administrators)', description: 'Something in Gatehouse needs an administrator, such as a webhook that was disabled.', emailByDefault: true },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as string[]).includes(value);
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about (SPEC §10); email copies are chosen per kind (SPEC §18).',
  valuesConfig: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, { description: NOTIFICATION_KIND_INFO[k].description }])),
});
