import type { EventCause } from '@gatehouse/shared';

/**
 * The audit rows' causes (SPEC §9: the writers' own words, some with names in them) in the event
 * vocabulary (SPEC §17). One table; a cause not listed here is not put on an event.
 */
const CAUSES: Record<string, EventCause> = {
  SELF: 'SELF',
  LEADER: 'LEADER',
  MANAGER: 'MANAGER',
  ADMIN: 'ADMIN',
  REQUEST: 'REQUEST',
  REQUEST_APPROVED: 'REQUEST',
  DEFAULT: 'DEFAULT',
  'default group': 'DEFAULT',
  'service account': 'DEFAULT',
  reactivated: 'DEFAULT',
  SSO: 'SSO',
  SCIM: 'SCIM',
  CASCADE: 'CASCADE',
  EXPIRY: 'EXPIRY',
  REVIEW: 'REVIEW',
  SYSTEM: 'SYSTEM',
};

/**
 * Memberships that end because their group or their account is deleted: SPEC §17 — the deletion's
 * own event (`group.deleted`, `user.deleted`) says it, with no event per membership.
 */
export const ENDED_WITH_DELETION = new Set(['GROUP_DELETED', 'USER_DELETED']);

export function eventCause(cause: unknown): EventCause | null {
  return typeof cause === 'string' ? (CAUSES[cause] ?? null) : null;
}
