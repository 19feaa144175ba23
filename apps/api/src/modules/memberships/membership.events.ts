import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { userLabel } from '../audit/actor';
import { ENDED_WITH_DELETION, eventCause } from '../events/event-cause';
import { recordEvents, type PendingEvent } from '../events/event-outbox';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';
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

const TYPES = { ADDED: 'membership.added', REMOVED: 'membership.removed', UPDATED: 'membership.updated' } as const;

/**
 * THE hook for the event outbox: every unit of work ends here, inside its transaction, with every
 * membership change it made (the trigger's and the cascade's), in order. Recording them here —
 * and only here — means no path can change membership without its events (SPEC §17): each
 * membership that ends is its own `membership.removed`, whatever ended it. Memberships that end
 * because their group or account is deleted are the deletion's event alone.
 */
export async function recordMembershipChanges(tx: EntityManager, changes: readonly MembershipChange[]): Promise<void> {
  const kept = changes.filter((c) => !(c.kind === 'REMOVED' && c.cause !== null && ENDED_WITH_DELETION.has(c.cause)));
  if (kept.length === 0) return;
  const at = new Date();
  const userIds = [...new Set(kept.map((c) => c.userId))];
  const groupIds = [...new Set(kept.map((c) => c.groupId))];
  const users = new Map<string, string>();
  const groups = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await tx.find(UserEntity, { select: { id: true, displayName: true, email: true }, where: { id: In(userIds.slice(i, i + 500)) } });
    for (const u of rows) users.set(u.id, userLabel(u));
  }
  for (const g of await tx.find(GroupEntity, { select: { id: true, name: true }, where: { id: In(groupIds) } })) groups.set(g.id, g.name);
  const events: PendingEvent[] = kept.map((c) => ({
    type: TYPES[c.kind],
    actor: c.actor,
    occurredAt: at,
    data: {
      user: { id: c.userId, label: users.get(c.userId) ?? c.userId },
      group: { id: c.groupId, label: groups.get(c.groupId) ?? c.groupId },
      source: c.source,
      cause: eventCause(c.cause) ?? causeOfActor(c),
      expiresAt: c.expiresAt?.toISOString() ?? null,
      ...(c.reason ? { reason: c.reason } : {}),
    },
  }));
  recordEvents(tx, events);
}

/** A change whose writer named no cause in the vocabulary: the system's, or the person's own. */
function causeOfActor(c: MembershipChange): 'SYSTEM' | 'SELF' | 'ADMIN' {
  if (c.actor.id === null) return 'SYSTEM';
  return c.actor.id === c.userId ? 'SELF' : 'ADMIN';
}
