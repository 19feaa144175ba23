import type { EntityManager } from 'typeorm';
import { clipText } from '../../common/storable-text';
import type { JsonObject } from '../../db/columns';
import { AuditEventEntity } from './audit-event.entity';
import type { Actor } from './actor';
import type { AuditAction } from './audit-actions';
import { eventsFromAudit } from '../events/audit-events';
import { recordEvents } from '../events/event-outbox';

/**
 * The width of the label columns. A label is "Name <email>": a 200-character name and a
 * 254-character email, both valid, make 457 — which PostgreSQL refused, failing the whole change.
 */
const LABEL_MAX = 300;

export interface AuditRecord {
  /** One of the vocabulary (audit-actions.ts): a new kind of change adds its words there. */
  action: AuditAction;
  actor: Actor;
  group?: { id: string; name: string } | null;
  user?: { id: string; label: string } | null;
  resourceId?: string | null;
  /** The resource, named: its label is copied so the row names it after deletion. */
  resource?: { id: string; name: string } | null;
  details?: Record<string, unknown>;
}

/**
 * The one way to write audit rows: always inside the caller's transaction, so a change and its
 * record commit or roll back together (SPEC §9, §14).
 */
export async function audit(tx: EntityManager, record: AuditRecord): Promise<void> {
  const at = new Date();
  await tx.insert(AuditEventEntity, auditRow(record, at));
  // Every change the log records is also an event (SPEC §17), in the same transaction.
  recordEvents(tx, await eventsFromAudit(tx, record, at));
}

/** Rows per INSERT in `auditMany`: well under SQLite's bound-parameter limit (11 columns a row). */
const AUDIT_CHUNK = 500;

/**
 * Many audit rows in a few statements (set-based membership changes: SCIM's PATCH of thousands of
 * members), in the caller's transaction, in the order given.
 */
export async function auditMany(tx: EntityManager, records: readonly AuditRecord[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < records.length; i += AUDIT_CHUNK) {
    // No reload of generated ids (TypeORM would read them back with one OR per row).
    await tx.createQueryBuilder().insert().into(AuditEventEntity).values(records.slice(i, i + AUDIT_CHUNK).map((r) => auditRow(r, at))).updateEntity(false).execute();
  }
  for (const record of records) recordEvents(tx, await eventsFromAudit(tx, record, at));
}

function auditRow(record: AuditRecord, occurredAt: Date) {
  return {
    occurredAt,
    action: record.action,
    actorId: record.actor.id,
    actorLabel: clipText(record.actor.label, LABEL_MAX),
    groupId: record.group?.id ?? null,
    groupLabel: record.group ? clipText(record.group.name, LABEL_MAX) : null,
    userId: record.user?.id ?? null,
    userLabel: record.user ? clipText(record.user.label, LABEL_MAX) : null,
    resourceId: record.resource?.id ?? record.resourceId ?? null,
    resourceLabel: record.resource ? clipText(record.resource.name, LABEL_MAX) : null,
    details: (record.details ?? {}) as JsonObject,
  };
}
