import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { MembershipEntity, type MembershipSource } from './membership.entity';

export interface NewMembership {
  user: { id: string; label: string };
  group: { id: string; name: string };
  source: MembershipSource;
  actor: Actor;
  expiresAt?: Date | null;
  /** Why, in the audit row (e.g. "default group", "SSO sync"). */
  cause?: string;
}

/** Adds a membership and its audit row in the caller's transaction. */
export async function addMembership(tx: EntityManager, m: NewMembership): Promise<MembershipEntity> {
  const entity = tx.create(MembershipEntity, {
    userId: m.user.id,
    groupId: m.group.id,
    source: m.source,
    addedById: m.actor.id,
    expiresAt: m.expiresAt ?? null,
  });
  await tx.save(entity);
  await audit(tx, {
    action: m.source === 'OPEN_JOIN' ? 'MEMBER_JOINED' : 'MEMBER_ADDED',
    actor: m.actor,
    group: m.group,
    user: m.user,
    details: { source: m.source, ...(m.cause ? { cause: m.cause } : {}), ...(m.expiresAt ? { expiresAt: m.expiresAt.toISOString() } : {}) },
  });
  return (await tx.findOneByOrFail(MembershipEntity, { userId: m.user.id, groupId: m.group.id }));
}

export interface EndedMembership {
  user: { id: string; label: string };
  group: { id: string; name: string };
  actor: Actor;
  /** LEFT (self), REMOVED (leader/admin), EXPIRED, CASCADE, SSO. */
  action: 'MEMBER_LEFT' | 'MEMBER_REMOVED';
  cause: string;
  reason?: string | null;
}

/** Ends a membership and audits it, in the caller's transaction. Returns false if there was none. */
export async function endMembership(tx: EntityManager, m: EndedMembership): Promise<boolean> {
  const result = await tx.delete(MembershipEntity, { userId: m.user.id, groupId: m.group.id });
  if (!result.affected) return false;
  await audit(tx, {
    action: m.action,
    actor: m.actor,
    group: m.group,
    user: m.user,
    details: { cause: m.cause, ...(m.reason ? { reason: m.reason } : {}) },
  });
  return true;
}
