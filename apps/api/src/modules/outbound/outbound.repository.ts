import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { rawQuery } from '../../db/raw-sql';
import { parseUtcTimestamp } from '../../db/timestamp';
import { OutboundAttemptEntity } from './outbound-attempt.entity';
import { OutboundMessageEntity, type OutboundChannel, type OutboundStatus } from './outbound-message.entity';

/** A fixed advisory-lock key: "gatehouse outbound claim". */
const CLAIM_LOCK_KEY = 74_657_002;

/**
 * Claims due messages for this server (SPEC §16: once per deployment), in `tx`. Claims of all
 * servers run one at a time (an advisory lock on PostgreSQL, SQLite's single writer), so the rule
 * "a key with a message in flight is passed over" holds across servers: a webhook's deliveries go
 * out one at a time, in commit order, whoever sends them. A message not yet due — a failed one
 * waiting to retry — does not hold back the ones after it.
 */
export async function claimDue(
  tx: EntityManager,
  dialect: 'postgres' | 'sqlite',
  options: { channels: readonly OutboundChannel[]; now: Date; leaseMs: number; limit: number; perKey: number },
): Promise<{ owner: string; messages: OutboundMessageEntity[] }> {
  const { now } = options;
  if (dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
  // The first `perKey` due messages of each key, picked in the database: a backlog of one endpoint
  // is not read whole to send a slice of it.
  const picked = await rawQuery<{ id: string }>(
    tx,
    `SELECT c.id FROM (
       SELECT m.id, m.event_id, m.created_at,
              ROW_NUMBER() OVER (PARTITION BY COALESCE(m.ordering_key, CAST(m.id AS varchar(36))) ORDER BY m.event_id, m.created_at) AS n
         FROM outbound_message m
        WHERE m.status IN ('PENDING', 'RETRYING') AND m.channel IN (:...channels) AND m.next_attempt_at <= :now
          AND (m.lease_until IS NULL OR m.lease_until < :now)
          AND (m.ordering_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM outbound_message o
                 WHERE o.ordering_key = m.ordering_key AND o.lease_until >= :now AND o.status IN ('PENDING', 'RETRYING')))
     ) c
     WHERE c.n <= :perKey
     ORDER BY c.event_id, c.created_at
     LIMIT :limit`,
    { channels: [...options.channels], now, perKey: options.perKey, limit: options.limit },
  );
  const order = new Map(picked.map((row, i) => [row.id, i]));
  const messages = picked.length ? (await tx.findBy(OutboundMessageEntity, { id: In([...order.keys()]) })).sort((a, b) => order.get(a.id)! - order.get(b.id)!) : [];
  const owner = randomUUID();
  if (messages.length > 0) {
    const leaseUntil = new Date(now.getTime() + options.leaseMs);
    await tx.update(OutboundMessageEntity, { id: In(messages.map((m) => m.id)) }, { leaseUntil, leaseOwner: owner });
  }
  return { owner, messages };
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  response: string | null;
  /** The receiver refused for good (an SMTP 5xx): no retry, the message is FAILED at once. */
  final?: boolean;
}

/**
 * Records one attempt's outcome: the attempt row, the message's new state, and — when it will be
 * tried again — the next attempt's PENDING row. Only while this server's claim holds (a lapsed
 * lease another server took over is that server's to record): false otherwise.
 */
export async function recordAttempt(
  tx: EntityManager,
  message: OutboundMessageEntity,
  owner: string,
  outcome: AttemptOutcome,
  retryDelaysMs: readonly number[],
  now: Date,
): Promise<OutboundStatus | null> {
  const attempt = message.attempts + 1;
  const retryIn = outcome.ok || outcome.final ? null : (retryDelaysMs[attempt - 1] ?? null);
  const status: OutboundStatus = outcome.ok ? 'SUCCEEDED' : retryIn === null ? 'FAILED' : 'RETRYING';
  const nextAttemptAt = retryIn === null ? null : new Date(now.getTime() + retryIn);
  const updated = await tx.update(
    OutboundMessageEntity,
    { id: message.id, leaseOwner: owner },
    { status, attempts: attempt, nextAttemptAt, leaseUntil: null, leaseOwner: null },
  );
  if (!updated.affected) return null;
  const row = {
    status,
    attemptedAt: now,
    nextAttemptAt,
    statusCode: outcome.statusCode,
    durationMs: Math.round(outcome.durationMs),
    error: outcome.error ? outcome.error.slice(0, 1000) : null,
    response: outcome.response ? outcome.response.slice(0, 1024) : null,
  };
  const filled = await tx.update(OutboundAttemptEntity, { messageId: message.id, attempt, status: 'PENDING' }, row);
  if (!filled.affected) await tx.insert(OutboundAttemptEntity, { id: randomUUID(), messageId: message.id, targetId: message.targetId, attempt, createdAt: now, ...row });
  if (nextAttemptAt) {
    await tx.insert(OutboundAttemptEntity, { id: randomUUID(), messageId: message.id, targetId: message.targetId, attempt: attempt + 1, status: 'PENDING', nextAttemptAt, createdAt: now });
  }
  return status;
}

/** When the next open message falls due (a retry waiting), or null when none is open. */
export async function earliestDue(tx: EntityManager, channels: readonly OutboundChannel[]): Promise<Date | null> {
  const row = await tx
    .createQueryBuilder(OutboundMessageEntity, 'm')
    .select('MIN(m.nextAttemptAt)', 'due')
    .where('m.status IN (:...open)', { open: ['PENDING', 'RETRYING'] })
    .andWhere('m.channel IN (:...channels)', { channels })
    .getRawOne<{ due: Date | string | null }>();
  if (!row?.due) return null;
  return row.due instanceof Date ? row.due : parseUtcTimestamp(row.due);
}

/** Extends this server's claim on the messages of a lane it has not sent yet (a long lane outlives one lease). */
export async function renewLease(tx: EntityManager, ids: readonly string[], owner: string, leaseUntil: Date): Promise<void> {
  if (ids.length > 0) await tx.update(OutboundMessageEntity, { id: In([...ids]), leaseOwner: owner }, { leaseUntil });
}
