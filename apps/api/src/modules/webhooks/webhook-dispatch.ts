import { MoreThan, type EntityManager } from 'typeorm';
import type { Db } from '../../db/db';
import { EventEntity } from '../events/event.entity';
import { enqueueOutbound, type OutboundItem } from '../outbound/outbound';
import { WebhookEntity } from './webhook.entity';

/** Events read per dispatch pass; a longer backlog takes several passes. */
const BATCH = 1000;

/** The groups an event names: its group, a group granted or revoked access. */
export function groupsNamed(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const group = data.group as { id?: unknown } | undefined;
  if (group && typeof group.id === 'string') ids.push(group.id);
  const principal = data.principal as { type?: unknown; id?: unknown } | undefined;
  if (principal && principal.type === 'GROUP' && typeof principal.id === 'string') ids.push(principal.id);
  return ids;
}

/** Whether an endpoint's filters take an event (SPEC §17: types, then groups; empty = all). */
export function webhookWants(webhook: Pick<WebhookEntity, 'eventTypes' | 'groupIds'>, event: Pick<EventEntity, 'type' | 'data'>): boolean {
  if (webhook.eventTypes.length > 0 && !webhook.eventTypes.includes(event.type)) return false;
  if (webhook.groupIds.length === 0) return true;
  return groupsNamed(event.data).some((id) => webhook.groupIds.includes(id));
}

/** The feed's newest position: where a new (or re-enabled) endpoint starts. */
export async function feedEnd(tx: EntityManager): Promise<number> {
  const row = await tx.createQueryBuilder(EventEntity, 'e').select('MAX(e.id)', 'last').getRawOne<{ last: number | string | null }>();
  return Number(row?.last ?? 0);
}

/**
 * Makes deliveries from the feed (SPEC §17). Each enabled endpoint keeps its place in the feed
 * (`eventCursor`); a pass reads the events after it — in commit order, so none is skipped — and
 * queues one delivery per event the endpoint wants, keyed by the endpoint so they go out in that
 * order, and moves the place, in the worker's pass transaction (`tx`: the claim that follows in it
 * takes these deliveries at once). The change itself wrote only its event (the durable record), so
 * a burst of changes costs the changes nothing here. Endpoints are claimed `SKIP LOCKED` (`claim`:
 * Db.claimLock): with several servers, each endpoint is dispatched by one at a time.
 */
export async function dispatchWebhookEvents(tx: EntityManager, claim: ReturnType<Db['claimLock']>): Promise<number> {
  const webhooks = await tx.find(WebhookEntity, { where: { enabled: true }, order: { id: 'ASC' }, ...(claim ? { lock: claim } : {}) });
  if (webhooks.length === 0) return 0;
  const from = Math.min(...webhooks.map((w) => w.eventCursor));
  const events = await tx.find(EventEntity, { where: { id: MoreThan(from) }, order: { id: 'ASC' }, take: BATCH });
  if (events.length === 0) return 0;
  const last = events[events.length - 1]!.id;
  const items: OutboundItem[] = [];
  for (const webhook of webhooks) {
    if (webhook.eventCursor >= last) continue;
    for (const event of events) {
      if (event.id > webhook.eventCursor && webhookWants(webhook, event)) items.push({ channel: 'WEBHOOK', targetId: webhook.id, orderingKey: webhook.id, eventId: event.id });
    }
    await tx.update(WebhookEntity, { id: webhook.id }, { eventCursor: last });
  }
  await enqueueOutbound(tx, items);
  return events.length;
}
