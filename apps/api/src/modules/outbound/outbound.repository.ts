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

/** An attempt row's outcome columns, as every record of an attempt writes them. */
function outcomeColumns(outcome: AttemptOutcome, now: Date, status: OutboundStatus, nextAttemptAt: Date | null) {
  return {
    status,
    attemptedAt: now,
    nextAttemptAt,
    statusCode: outcome.statusCode,
    durationMs: Math.round(outcome.durationMs),
    error: outcome.error ? outcome.error.slice(0, 1000) : null,
    response: outcome.response ? outcome.response.slice(0, 1024) : null,
  };
}

/**
 * Records one attempt's outcome: the attempt row, the message's new state, and — when it will be
 * tried again — the next attempt's PENDING row. Only while this server's claim holds (a lapsed
 * lease another server took over is that server's to record): false otherwise.
 */
async function recordAttempt(
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
  const row = outcomeColumns(outcome, now, status, nextAttemptAt);
  const filled = await tx.update(OutboundAttemptEntity, { messageId: message.id, attempt, status: 'PENDING' }, row);
  if (!filled.affected) await tx.insert(OutboundAttemptEntity, { id: randomUUID(), messageId: message.id, targetId: message.targetId, attempt, createdAt: now, ...row });
  if (nextAttemptAt) {
    await tx.insert(OutboundAttemptEntity, { id: randomUUID(), messageId: message.id, targetId: message.targetId, attempt: attempt + 1, status: 'PENDING', nextAttemptAt, createdAt: now });
  }
  return status;
}

/** One send whose outcome is to be recorded (recordAttempts). */
export interface SentAttempt {
  message: OutboundMessageEntity;
  outcome: AttemptOutcome;
  now: Date;
}

/**
 * Records a batch of outcomes in `tx` (the worker's record of a lane's last sends): each as
 * `recordAttempt` would, returning each one's new status (null: this server's claim had lapsed).
 * On PostgreSQL the successes — nearly every delivery — are recorded by one statement for the
 * batch (SUCCESSES_POSTGRES) instead of two per message: the bookkeeping of a busy endpoint is
 * then a few statements per batch, not per delivery. Failures (and SQLite) keep the one-by-one
 * path: they are few, and a failure's retry row needs its own insert anyway.
 */
export async function recordAttempts(
  tx: EntityManager,
  dialect: 'postgres' | 'sqlite',
  sends: readonly SentAttempt[],
  owner: string,
  retryDelaysMs: readonly number[],
): Promise<(OutboundStatus | null)[]> {
  const statuses: (OutboundStatus | null)[] = sends.map(() => null);
  const batched = new Set(dialect === 'postgres' ? sends.flatMap((s, i) => (s.outcome.ok ? [i] : [])) : []);
  if (batched.size > 0) {
    const rows = [...batched].map((i) => {
      const { message, outcome, now } = sends[i]!;
      return { messageId: message.id, targetId: message.targetId, attempt: message.attempts + 1, ...outcomeColumns(outcome, now, 'SUCCEEDED', null) };
    });
    const recorded = await rawQuery<{ id: string; filled: boolean }>(tx, SUCCESSES_POSTGRES, {
      owner,
      ids: rows.map((r) => r.messageId),
      attempts: rows.map((r) => r.attempt),
      ats: rows.map((r) => r.attemptedAt),
      codes: rows.map((r) => r.statusCode),
      durations: rows.map((r) => r.durationMs),
      errors: rows.map((r) => r.error),
      responses: rows.map((r) => r.response),
    });
    const byId = new Map(recorded.map((r) => [r.id, r.filled]));
    const missing = rows.filter((r) => byId.get(r.messageId) === false);
    if (missing.length > 0) await tx.insert(OutboundAttemptEntity, missing.map((r) => Object.assign({}, r, { id: randomUUID(), createdAt: r.attemptedAt })));
    for (const i of batched) if (byId.has(sends[i]!.message.id)) statuses[i] = 'SUCCEEDED';
  }
  for (const [i, s] of sends.entries()) {
    if (!batched.has(i)) statuses[i] = await recordAttempt(tx, s.message, owner, s.outcome, retryDelaysMs, s.now);
  }
  return statuses;
}

/**
 * A batch of successes, one statement: each message this server still holds becomes SUCCEEDED
 * (as recordAttempt's update), and its attempt's PENDING row is filled in; every message updated
 * is returned with whether its attempt row was there to fill (`filled`: else the caller inserts
 * it). Both updates read the same snapshot; the second joins the first's RETURNING, so an attempt
 * row is only filled for a message whose claim held.
 */
const SUCCESSES_POSTGRES = `
  WITH v AS (
    SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS integer[]), CAST(:ats AS timestamp[]), CAST(:codes AS integer[]),
                         CAST(:durations AS integer[]), CAST(:errors AS varchar[]), CAST(:responses AS varchar[]))
      AS v(message_id, attempt, attempted_at, status_code, duration_ms, error, response)
  ),
  m AS (
    UPDATE outbound_message o
       SET status = 'SUCCEEDED', attempts = v.attempt, next_attempt_at = NULL, lease_until = NULL, lease_owner = NULL
      FROM v
     WHERE o.id = v.message_id AND o.lease_owner = :owner
    RETURNING o.id
  ),
  a AS (
    UPDATE outbound_attempt t
       SET status = 'SUCCEEDED', attempted_at = v.attempted_at, next_attempt_at = NULL, status_code = v.status_code,
           duration_ms = v.duration_ms, error = v.error, response = v.response
      FROM v JOIN m ON m.id = v.message_id
     WHERE t.message_id = v.message_id AND t.attempt = v.attempt AND t.status = 'PENDING'
    RETURNING t.message_id
  )
  SELECT m.id, EXISTS (SELECT 1 FROM a WHERE a.message_id = m.id) AS filled FROM m`;

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
