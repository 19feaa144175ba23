import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../db/columns';
import { signalOnCommit } from '../../db/commit-signal';
import { OutboundAttemptEntity } from './outbound-attempt.entity';
import { OutboundMessageEntity, type OutboundChannel } from './outbound-message.entity';

export interface OutboundItem {
  channel: OutboundChannel;
  targetId: string;
  /** Items with one key are sent one at a time in `eventId` order (a webhook's deliveries). */
  orderingKey?: string | null;
  eventId?: number | null;
  payload?: JsonObject | null;
}

/** Rows per INSERT (far below SQLite's bound-parameter limit). */
const CHUNK = 300;

/**
 * Queues messages in the caller's transaction (the outbox): they exist exactly when the change
 * that caused them commits, and any server's worker sends them after. Returns the message ids.
 */
export async function enqueueOutbound(tx: EntityManager, items: readonly OutboundItem[], now = new Date()): Promise<string[]> {
  const messages = items.map((item) => ({
    id: randomUUID(),
    channel: item.channel,
    targetId: item.targetId,
    orderingKey: item.orderingKey ?? null,
    eventId: item.eventId ?? null,
    payload: item.payload ?? null,
    status: 'PENDING' as const,
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    leaseOwner: null,
    createdAt: now,
  }));
  // The commit wakes the workers of every server.
  if (messages.length > 0) signalOnCommit(tx);
  for (let i = 0; i < messages.length; i += CHUNK) {
    const chunk = messages.slice(i, i + CHUNK);
    await tx.insert(OutboundMessageEntity, chunk);
    await tx.insert(
      OutboundAttemptEntity,
      chunk.map((m) => ({ id: randomUUID(), messageId: m.id, targetId: m.targetId, attempt: 1, status: 'PENDING' as const, nextAttemptAt: now, createdAt: now })),
    );
  }
  return messages.map((m) => m.id);
}
