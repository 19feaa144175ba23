import { Brackets } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { can } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { groupIdsLedBy } from '../groups/leadership.repository';
import { errors } from '../../common/errors';
import { AuditEventEntity } from './audit-event.entity';
import { isAuditAction, type AuditAction } from './audit-actions';

export interface AuditFilterInput {
  groupId?: string | null;
  userId?: string | null;
  actorId?: string | null;
  resourceId?: string | null;
  action?: string | null;
  since?: Date | null;
  until?: Date | null;
}

const NO_MATCH = '00000000-0000-0000-0000-000000000000';

/**
 * An action filter as typed ("member added", "MEMBER_ADDED") → the vocabulary's key; null when
 * it names no action of the vocabulary (the caller refuses it: a typo must not read as "nothing
 * happened").
 */
export function auditActionOf(value: string): AuditAction | null {
  const key = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return isAuditAction(key) ? key : null;
}

export const UNKNOWN_ACTION = (value: string) => `There is no audit action “${value.trim().slice(0, 64)}”; pick one of the list (auditActions).`;

export class AuditService {
  constructor(private readonly db: Db) {}

  /**
   * `auditEvents`, newest first (SPEC §9): admins and `audit.read` holders read everything; leaders
   * read their groups' events; everyone reads events about themselves or done by themselves.
   */
  async list(viewer: Viewer, filter: AuditFilterInput, first: number, after: string | null | undefined): Promise<Page<AuditEventEntity>> {
    const cursor = after ? decodeCursor(after, ['int']) : null;
    const qb = this.db.manager.createQueryBuilder(AuditEventEntity, 'e');
    if (!can(settingsPolicy, 'readAudit', viewer)) {
      const led = await groupIdsLedBy(this.db.manager, viewer.userId);
      qb.where(
        new Brackets((w) => {
          w.where('e.userId = :me', { me: viewer.userId }).orWhere('e.actorId = :me');
          if (led.length) w.orWhere('e.groupId IN (:...led)', { led });
        }),
      );
    }
    // A malformed id filter matches nothing (rather than erroring), like an unknown one.
    const id = (value: string | null | undefined) => (value && isUuid(value) ? value : NO_MATCH);
    if (filter.groupId) qb.andWhere('e.groupId = :groupId', { groupId: id(filter.groupId) });
    if (filter.userId) qb.andWhere('e.userId = :userId', { userId: id(filter.userId) });
    if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: id(filter.actorId) });
    if (filter.resourceId) qb.andWhere('e.resourceId = :resourceId', { resourceId: id(filter.resourceId) });
    if (filter.action?.trim()) {
      const action = auditActionOf(filter.action);
      if (!action) throw errors.validation([{ field: 'action', message: UNKNOWN_ACTION(filter.action) }]);
      qb.andWhere('e.action = :action', { action });
    }
    if (filter.since) qb.andWhere('e.occurredAt >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('e.occurredAt < :until', { until: filter.until });
    if (cursor) {
      const [lastId] = cursor;
      qb.andWhere('e.id < :lastId', { lastId: Number(lastId) });
    }
    const rows = await qb.orderBy('e.id', 'DESC').take(first + 1).getMany();
    return toPage(rows, first, (e) => [String(e.id)]);
  }
}
