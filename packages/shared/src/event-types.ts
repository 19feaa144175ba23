/**
 * The event vocabulary (SPEC §17): every type the feed, webhooks and subscriptions carry. One list
 * for the API (which refuses unknown types in filters) and the SPA (which offers them).
 */
export const EVENT_TYPES = [
  'membership.added',
  'membership.removed',
  'membership.updated',
  'request.created',
  'request.approved',
  'request.rejected',
  'request.withdrawn',
  'request.cancelled',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.leaders_changed',
  'group.permissions_changed',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'user.permissions_changed',
  'resource.created',
  'resource.updated',
  'resource.deleted',
  'access.granted',
  'access.revoked',
  'settings.changed',
  'review.started',
  'review.closed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The event a test delivery carries (SPEC §17); never in the feed. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** Why a change happened, as `data.cause` says it (SPEC §17). */
export const EVENT_CAUSES = ['SELF', 'LEADER', 'MANAGER', 'ADMIN', 'REQUEST', 'DEFAULT', 'SSO', 'SCIM', 'CASCADE', 'EXPIRY', 'REVIEW', 'SYSTEM'] as const;

export type EventCause = (typeof EVENT_CAUSES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
