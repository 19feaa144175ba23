import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import type { MembershipSource } from './membership.entity';

/**
 * One change to one membership row, as the unit of work made it (memberships.service.ts): what the
 * event outbox (SPEC §17) will turn into `membership.added` / `.removed` / `.updated` events.
 */
export interface MembershipChange {
  kind: 'ADDED' | 'REMOVED' | 'UPDATED';
  userId: string;
  groupId: string;
  actor: Actor;
  /**
   * Why, as the audit row says it: SELF, REQUEST_APPROVED, ADMIN, LEADER, SSO, EXPIRY, CASCADE,
   * GROUP_DELETED, USER_DELETED, or a default-group cause; null for a direct add.
   */
  cause: string | null;
  /** ADDED: how the member came in. */
  source: MembershipSource | null;
  expiresAt: Date | null;
  reason: string | null;
}

/**
 * THE hook for the event outbox: every unit of work ends here, inside its transaction, with every
 * membership change it made (the trigger's and the cascade's), in order. Recording them here —
 * and only here — means no path can change membership without its events. Nothing records them
 * yet.
 */
export async function recordMembershipChanges(_tx: EntityManager, _changes: readonly MembershipChange[]): Promise<void> {}
