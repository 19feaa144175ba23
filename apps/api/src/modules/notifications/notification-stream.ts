import { MoreThanOrEqual } from 'typeorm';
import type { Context } from '../../context';
import { requireViewer } from '../../context';
import { liveStream } from '../events/subscriptions.live';
import { NotificationEntity } from './notification.entity';

/**
 * How far back each read looks. A notification's `createdAt` is when its transaction wrote it
 * (PostgreSQL: when the transaction began; SQLite: to the second), not when it committed, so a
 * later read can meet a notification older than the newest one already sent. Every read therefore
 * takes the window before the newest one seen and skips the ids already sent (kept for the window).
 * No transaction that notifies runs anywhere near this long.
 */
const LOOKBACK_MS = 5 * 60_000;
/** Rows one read may return: far more than anyone is sent within the window. */
const WINDOW_ROWS = 500;

/**
 * `Subscription.notificationAdded`: the viewer's own notifications, each once, from the moment of
 * subscribing. The notifications already there when it starts count as seen.
 */
export async function notificationStream(context: Context): Promise<AsyncIterable<NotificationEntity>> {
  const userId = requireViewer(context).userId;
  const db = context.services.db;
  const seen = new Map<string, number>();
  let newest = Date.now();

  const windowRows = async (): Promise<NotificationEntity[]> => {
    const from = new Date(newest - LOOKBACK_MS);
    const rows = await db.manager.find(NotificationEntity, {
      where: { userId, createdAt: MoreThanOrEqual(from) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: WINDOW_ROWS,
    });
    rows.reverse();
    for (const [id, at] of seen) if (at < from.getTime()) seen.delete(id);
    return rows;
  };
  for (const row of await windowRows()) {
    seen.set(row.id, row.createdAt.getTime());
    newest = Math.max(newest, row.createdAt.getTime());
  }

  return liveStream<NotificationEntity>(context, 'notifications', async (link) => {
    if (link.viewer?.userId !== userId) return { rows: [], more: false };
    const fresh: NotificationEntity[] = [];
    for (const row of await windowRows()) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, row.createdAt.getTime());
      newest = Math.max(newest, row.createdAt.getTime());
      fresh.push(row);
    }
    return { rows: fresh, more: false };
  });
}
