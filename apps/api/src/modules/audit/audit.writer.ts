import type { EntityManager } from 'typeorm';
import { clipText } from '../../common/storable-text';
import type { JsonObject } from '../../db/columns';
import { AuditEventEntity } from './audit-event.entity';
import type { Actor } from './actor';

/**
 * The width of the label columns. A label is "Name <email>": a 200-character name and a
 * 254-character email, both valid, make 457 — which PostgreSQL refused, failing the whole change.
 */
const LABEL_MAX = 300;

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
    actorLabel: clipText(record.actor.label, LABEL_MAX),
    groupId: record.group?.id ?? null,
    groupLabel: record.group ? clipText(record.group.name, LABEL_MAX) : null,
    userId: record.user?.id ?? null,
    userLabel: record.user ? clipText(record.user.label, LABEL_MAX) : null,
    resourceId: record.resourceId ?? null,
    details: (record.details ?? {}) as JsonObject,
  });
}
