import { In, MoreThan, type FindOptionsWhere } from 'typeorm';
import { isEventType, LIMITS } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { settingsPolicy } from '../settings/settings.policy';
import { errors } from '../../common/errors';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import type { Db } from '../../db/db';
import { EventEntity } from './event.entity';


/** `types` as asked, checked against the vocabulary; null = every type. */
export function eventTypesFilter(types: readonly string[] | null | undefined): string[] | null {
  if (!types || types.length === 0) return null;
  const unknown = types.filter((t) => !isEventType(t));
  if (unknown.length > 0) throw errors.validation([{ field: 'types', message: `Unknown event types: ${unknown.slice(0, 5).join(', ')}. See SPEC §17 for the list.` }]);
  if (types.length > 50) throw errors.validation([{ field: 'types', message: 'Name at most 50 event types.' }]);
  return [...new Set(types)];
}

/** The position `after` names (0 = from the beginning). */
export function eventCursor(after: string | null | undefined): number {
  return after ? Number(decodeCursor(after, ['int'])[0]) : 0;
}

export class EventsService {
  constructor(private readonly db: Db) {}

  /**
   * The feed, in commit order (event-outbox.ts explains why `id > cursor` misses nothing): the
   * events after `after`, oldest first. A consumer keeps the last cursor and asks again.
   */
  async page(viewer: Viewer, after: string | null | undefined, first: number, types: readonly string[] | null | undefined): Promise<Page<EventEntity>> {
    authorize(settingsPolicy, 'readEvents', viewer);
    const filter = eventTypesFilter(types);
    const from = eventCursor(after);
    const rows = await this.since(from, Math.min(first, LIMITS.maxPageSize) + 1, filter);
    return toPage(rows, first, (e) => [String(e.id)]);
  }

  /** Up to `limit` events after position `from`, oldest first (the feed and the live stream). */
  since(from: number, limit: number, types: readonly string[] | null): Promise<EventEntity[]> {
    const where: FindOptionsWhere<EventEntity> = { id: MoreThan(from), ...(types ? { type: In(types) } : {}) };
    return this.db.manager.find(EventEntity, { where, order: { id: 'ASC' }, take: limit });
  }
}
