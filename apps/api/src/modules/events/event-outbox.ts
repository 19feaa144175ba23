import type { EntityManager } from 'typeorm';
import type { EventType } from '@gatehouse/shared';
import type { JsonObject } from '../../db/columns';
import { takeCommitSignal } from '../../db/commit-signal';
import type { Actor } from '../audit/actor';
import { EventEntity } from './event.entity';

/** An event a transaction has made, waiting for the transaction's end to get its place. */
export interface PendingEvent {
  type: EventType;
  actor: Actor;
  occurredAt: Date;
  data: JsonObject;
}

/** Events each transaction has made so far, in order. Keyed by the transaction's manager. */
const pending = new WeakMap<EntityManager, PendingEvent[]>();

/**
 * Records events in `tx`: they are written when the transaction is about to commit
 * (`EventOutbox.flush`, run by Db.transaction), so they commit — or roll back — with the change.
 */
export function recordEvents(tx: EntityManager, events: readonly PendingEvent[]): void {
  if (events.length === 0) return;
  const list = pending.get(tx);
  if (list) list.push(...events);
  else pending.set(tx, [...events]);
}

/** The PostgreSQL channel a commit with events notifies (every server LISTENs: event-signals.ts). */
export const EVENT_CHANNEL = 'gatehouse_events';

/** Rows per INSERT: far below SQLite's bound-parameter limit (5 columns a row). */
const CHUNK = 500;

/**
 * The events' place in commit order (SPEC §17). Ids handed out by a sequence follow the order
 * transactions *asked*, not the order they *committed*: a consumer reading `id > 41` could see 43
 * (committed) before 42 (still running) and never see 42. So the ids are drawn at the very end of
 * the transaction, while it holds one transaction-scoped advisory lock ("gatehouse events",
 * 74657001, spelled in migration EventCommitOrder) that it keeps until it commits: the next
 * transaction with events draws its ids only after this one is visible. Ids
 * then ascend in commit order, and `id > cursor` misses nothing.
 *
 * On PostgreSQL "the very end" is inside COMMIT itself: the events are written with staged
 * negative ids, and a deferred trigger (migration EventCommitOrder) takes the lock and draws
 * their ids as the transaction commits. The lock is held for the commit alone — not across a
 * round trip to this server, whose event loop may be busy with other requests while every other
 * server's changes wait for the lock — and only by transactions that made events; nothing else
 * happens under it (webhook deliveries are made from the feed afterwards: webhook-dispatch.ts).
 * SQLite runs one transaction at a time, so its order is commit order already.
 */
export class EventOutbox {
  /**
   * @param tag this process's EventSignals.tag: the NOTIFY carries it, so that the listener of the
   *   process that committed — already woken directly after the commit — skips its own.
   */
  constructor(
    private readonly dialect: 'postgres' | 'sqlite',
    private readonly tag = '',
  ) {}

  /**
   * Writes `tx`'s events (Db.transaction calls it last). True when the commit must wake the
   * listeners: it wrote events, or the transaction asked (db/commit-signal.ts).
   */
  async flush(tx: EntityManager): Promise<boolean> {
    const events = pending.get(tx);
    pending.delete(tx);
    const asked = takeCommitSignal(tx);
    if (!events || events.length === 0) {
      if (asked && this.dialect === 'postgres') await tx.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, this.tag]);
      return asked;
    }
    const rows = events.map((e) => ({ type: e.type, occurredAt: e.occurredAt, actorId: e.actor.id, actorLabel: e.actor.label.slice(0, 300), data: e.data }));
    if (this.dialect === 'postgres') {
      await tx.query(POSTGRES_FLUSH, [
        rows.map((r) => r.type),
        rows.map((r) => r.occurredAt),
        rows.map((r) => r.actorId),
        rows.map((r) => r.actorLabel),
        rows.map((r) => JSON.stringify(r.data)),
        EVENT_CHANNEL,
        this.tag,
      ]);
      return true;
    }
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(EventEntity, rows.slice(i, i + CHUNK));
    return true;
  }
}

/**
 * PostgreSQL's flush, one statement: the events go in with staged (negative) ids, in the
 * transaction's order, and `pg_notify` tells every server's listener at commit
 * (event-signals.ts). Their real ids are drawn inside COMMIT, under the event lock, by the
 * deferred trigger of migration EventCommitOrder — nothing waits on this server while it holds
 * the lock. `unnest` yields the arrays in order, so the staged ids follow it.
 */
const POSTGRES_FLUSH = `
  WITH inserted AS (
    INSERT INTO "event" ("id", "type", "occurred_at", "actor_id", "actor_label", "data")
    SELECT -nextval('event_stage_seq'), v.type, v.occurred_at, v.actor_id, v.actor_label, v.data
    FROM unnest(CAST($1 AS varchar[]), CAST($2 AS timestamp[]), CAST($3 AS uuid[]), CAST($4 AS varchar[]), CAST($5 AS text[]))
      AS v(type, occurred_at, actor_id, actor_label, data)
    RETURNING 1
  )
  SELECT pg_notify($6, $7)`;
