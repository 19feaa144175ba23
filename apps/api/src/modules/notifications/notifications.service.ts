import { In, IsNull, type FindOptionsWhere } from 'typeorm';
import { Brackets } from 'typeorm';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { NotificationEntity } from './notification.entity';

export class NotificationsService {
  constructor(private readonly db: Db) {}

  /** The viewer's own notifications, newest first, with their unread count. */
  async list(viewer: Viewer, unreadOnly: boolean, first: number, after: string | null | undefined): Promise<Page<NotificationEntity> & { unreadCount: number }> {
    const cursor = after ? decodeCursor(after, ['date', 'uuid']) : null;
    const qb = this.db.manager.createQueryBuilder(NotificationEntity, 'n').where('n.userId = :me', { me: viewer.userId });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    if (cursor) {
      const [at, id] = cursor;
      const when = new Date(at);
      qb.andWhere(new Brackets((w) => w.where('n.createdAt < :when', { when }).orWhere('n.createdAt = :when AND n.id < :id', { id })));
    }
    const rows = await qb.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(first + 1).getMany();
    const unreadCount = await this.db.manager.countBy(NotificationEntity, { userId: viewer.userId, readAt: IsNull() });
    return Object.assign(toPage(rows, first, (n) => [n.createdAt.toISOString(), n.id]), { unreadCount });
  }

  /** Marks the viewer's notifications read (all of them when no ids); returns how many changed. */
  async markRead(viewer: Viewer, ids: readonly string[] | null | undefined): Promise<number> {
    if (ids && ids.length > 500) throw errors.validation([{ field: 'ids', message: 'Mark at most 500 notifications at a time (or pass none for all).' }]);
    const valid = ids?.filter(isUuid);
    if (ids && valid?.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const where: FindOptionsWhere<NotificationEntity> = { userId: viewer.userId, readAt: IsNull(), ...(valid ? { id: In(valid) } : {}) };
      const result = await tx.update(NotificationEntity, where, { readAt: new Date() });
      return result.affected ?? 0;
    });
  }
}
