import type { EntityManager } from 'typeorm';
import type { EventType } from '@gatehouse/shared';
import type { JsonObject } from '../../db/columns';
import type { AuditRecord } from '../audit/audit.writer';
import { ResourceEntity } from '../resources/resource.entity';
import { eventCause } from './event-cause';
import type { PendingEvent } from './event-outbox';

/**
 * Which audit actions are events, and of which type (SPEC §17). Membership rows are not here:
 * their events come from the one owner of membership changes (membership-events.ts). Sign-ins,
 * passwords, tokens, SSO links and permission definitions are the audit log's alone: no
 * downstream service mirrors them.
 */
const TYPES: Partial<Record<string, EventType>> = {
  REQUEST_CREATED: 'request.created',
  REQUEST_APPROVED: 'request.approved',
  REQUEST_REJECTED: 'request.rejected',
  REQUEST_WITHDRAWN: 'request.withdrawn',
  REQUEST_CANCELLED: 'request.cancelled',
  GROUP_CREATED: 'group.created',
  GROUP_UPDATED: 'group.updated',
  GROUP_DELETED: 'group.deleted',
  LEADERS_CHANGED: 'group.leaders_changed',
  GROUP_PERMISSIONS_CHANGED: 'group.permissions_changed',
  USER_CREATED: 'user.created',
  USER_UPDATED: 'user.updated',
  USER_DEACTIVATED: 'user.deactivated',
  USER_DELETED: 'user.deleted',
  USER_PERMISSIONS_CHANGED: 'user.permissions_changed',
  RESOURCE_CREATED: 'resource.created',
  RESOURCE_UPDATED: 'resource.updated',
  RESOURCE_OWNER_CHANGED: 'resource.updated',
  VISIBILITY_CHANGED: 'resource.updated',
  RESOURCE_DELETED: 'resource.deleted',
  SETTINGS_CHANGED: 'settings.changed',
  REVIEW_STARTED: 'review.started',
  REVIEW_CLOSED: 'review.closed',
};

type Ref = { id: string; label: string };
type ResourceRef = Ref & { kind: string | null; externalId: string | null };

/** The events one audit row stands for (none, one, or — a grant list replaced — one per grant). */
export async function eventsFromAudit(tx: EntityManager, record: AuditRecord, at: Date): Promise<PendingEvent[]> {
  const details = (record.details ?? {}) as JsonObject;
  if (record.action === 'GRANT_CHANGED') return grantEvents(record, details, await resourceRef(tx, record), at);
  let type = TYPES[record.action];
  if (!type) return [];
  if (type === 'user.updated' && Array.isArray(details.fields) && details.fields.includes('isActive')) type = 'user.reactivated';
  const data: JsonObject = { ...details };
  delete data.cause;
  if (record.group) data.group = { id: record.group.id, label: record.group.name };
  if (record.user) data.user = { id: record.user.id, label: record.user.label };
  const resource = await resourceRef(tx, record);
  if (resource) data.resource = resource;
  if (typeof details.requestId === 'string') {
    data.request = { id: details.requestId, kind: details.kind ?? null };
    delete data.requestId;
    delete data.kind;
  }
  const cause = eventCause(details.cause);
  if (cause) data.cause = cause;
  return [{ type, actor: record.actor, occurredAt: at, data }];
}

/** The resource an audit row names, with its kind and external id (read in the transaction). */
async function resourceRef(tx: EntityManager, record: AuditRecord): Promise<ResourceRef | null> {
  const id = record.resource?.id ?? record.resourceId ?? null;
  if (!id) return null;
  // The service handed over the row it has just written or read in this transaction: no re-read.
  if (record.resource instanceof ResourceEntity) return { id, label: record.resource.name, kind: record.resource.kind, externalId: record.resource.externalId };
  const row = await tx.findOne(ResourceEntity, { select: { id: true, name: true, kind: true, externalId: true }, where: { id } });
  const details = (record.details ?? {}) as JsonObject;
  return {
    id,
    label: row?.name ?? record.resource?.name ?? (typeof details.name === 'string' ? details.name : id),
    kind: row?.kind ?? (typeof details.kind === 'string' ? details.kind : null),
    externalId: row?.externalId ?? (typeof details.externalId === 'string' ? details.externalId : null),
  };
}

interface GrantPrincipal {
  type: 'USER' | 'GROUP';
  id: string;
  label: string;
}

/** `user:<id>` / `group:<id>` (optionally `=LEVEL`), as the resources slice records grant keys. */
function principalOf(entry: string, labels: JsonObject): { principal: GrantPrincipal; level: string | null } | null {
  const match = /^(user|group):([^=]+)(?:=(READ|WRITE))?$/.exec(entry);
  if (!match) return null;
  const key = `${match[1]}:${match[2]}`;
  const label = typeof labels[key] === 'string' ? (labels[key] as string) : match[2]!;
  return { principal: { type: match[1] === 'user' ? 'USER' : 'GROUP', id: match[2]!, label }, level: match[3] ?? null };
}

/**
 * `access.granted` / `access.revoked`, one per grant (SPEC §17): a grant added or changed (level
 * or expiry) is granted, with `before` when it existed; a grant removed is revoked.
 */
function grantEvents(record: AuditRecord, details: JsonObject, resource: ResourceRef | null, at: Date): PendingEvent[] {
  const labels = (details.labels ?? {}) as JsonObject;
  const cause = eventCause(details.cause);
  const events: PendingEvent[] = [];
  const push = (type: EventType, principal: GrantPrincipal, extra: JsonObject) =>
    events.push({ type, actor: record.actor, occurredAt: at, data: { resource, principal, ...extra, ...(cause ? { cause } : {}) } });
  const set = details.set as JsonObject | undefined;
  if (set) {
    const principal: GrantPrincipal = record.user
      ? { type: 'USER', id: record.user.id, label: record.user.label }
      : { type: 'GROUP', id: record.group?.id ?? String(set.groupId), label: record.group?.name ?? String(set.groupId) };
    push('access.granted', principal, { level: set.level ?? null, expiresAt: set.expiresAt ?? null, before: details.before ?? null });
  }
  for (const entry of (details.added ?? []) as string[]) {
    const p = principalOf(entry, labels);
    if (p) push('access.granted', p.principal, { level: p.level, expiresAt: null, before: null });
  }
  for (const entry of (details.changed ?? []) as string[]) {
    const p = principalOf(entry, labels);
    if (p) push('access.granted', p.principal, { level: p.level, expiresAt: null, before: { level: p.level === 'WRITE' ? 'READ' : 'WRITE' } });
  }
  for (const entry of (details.removed ?? []) as string[]) {
    const p = principalOf(entry, labels);
    if (!p) continue;
    if (p.principal.type === 'GROUP' && record.group && record.group.id === p.principal.id) p.principal.label = record.group.name;
    push('access.revoked', p.principal, {});
  }
  return events;
}
