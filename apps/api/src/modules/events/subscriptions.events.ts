import { requireViewer, type Context } from '../../context';
import type { Db } from '../../db/db';
import { EventEntity } from './event.entity';
import { authorize, can } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import { eventCursor, eventTypesFilter } from './events.service';
import { sameForEveryViewer } from './subscriptions.execute';
import { liveStream } from './subscriptions.live';

/** Events read per round; a stream with more to catch up reads again at once. */
const BATCH = 100;

/** The newest position of the feed (0 when it is empty). */
async function lastEventId(db: Db): Promise<number> {
  const row = await db.manager.createQueryBuilder(EventEntity, 'e').select('MAX(e.id)', 'max').getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0);
}

/**
 * `Subscription.events(types, after)` (SPEC §17): the feed as a stream. With `after`, first the
 * events committed after that cursor, then the live ones; without it, from now on. The stream's
 * position is the last event it read: ids follow commit order (event-outbox.ts), so reading
 * `id > position` on every wake-up — whichever server committed — misses none and repeats none.
 * Admins and audit.read holders only, checked again on every wake-up (subscriptions.live.ts).
 */
export async function eventStream(context: Context, args: { types?: readonly string[] | null; after?: string | null }): Promise<AsyncIterable<EventEntity>> {
  const viewer = requireViewer(context);
  authorize(settingsPolicy, 'readEvents', viewer);
  const types = eventTypesFilter(args.types);
  let position = args.after ? eventCursor(args.after) : await lastEventId(context.services.db);
  return liveStream<EventEntity>(context, 'events', async (link) => {
    if (!link.viewer || !can(settingsPolicy, 'readEvents', link.viewer)) return { rows: [], more: false };
    // Every stream of the feed at this position with these types asks the same: one read for all,
    // and an event's fields are the same for every viewer who may read the feed, so each is
    // executed once for all its subscribers (subscriptions.execute.ts).
    const from = position;
    const rows = await link.shared(`events:${from}:${types?.join(',') ?? '*'}`, async () => sameForEveryViewer(await context.services.events.since(from, BATCH, types)));
    const last = rows[rows.length - 1];
    if (last) position = last.id;
    return { rows, more: rows.length === BATCH };
  });
}
