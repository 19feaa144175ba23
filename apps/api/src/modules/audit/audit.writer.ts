import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../db/columns';
import { AuditEventEntity } from './audit-event.entity';
import type { Actor } from './actor';

export interface AuditRecord {
  action: string;
  actor: Actor;
  group?: { id: string; name: string } | null;
  user?: { id: string; label: string } | null;
  resourceId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The one way to write audit rows: always inside the caller's transaction, so a change and its
 * record commit or roll back together (SPEC §9, §14).
 */
export async function audit(tx: EntityManager, record: AuditRecord): Promise<void> {
  await tx.insert(AuditEventEntity, {
    occurredAt: new Date(),
    action: record.action,
    actorId: record.actor.id,
    actorLabel: record.actor.label,
    groupId: record.group?.id ?? null,
    groupLabel: record.group?.name ?? null,
    userId: record.user?.id ?? null,
    userLabel: record.user?.label ?? null,
    resourceId: record.resourceId ?? null,
    details: (record.details ?? {}) as JsonObject,
  });
}
