import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { Db } from '../../db/db';
import type { OutboundChannel, OutboundMessageEntity, OutboundStatus } from './outbound-message.entity';
import { claimDue, earliestDue, recordAttempts, renewLease, type AttemptOutcome } from './outbound.repository';

/** What a channel (webhooks, email) supplies: how to send one message, and when to try again. */
export interface ChannelHandler {
  /** Delays before the 2nd, 3rd, … attempts; after the last, the message is FAILED. */
  retryDelaysMs: readonly number[];
  /** Reads what a pass's messages need, all at once (a webhook's endpoint and events), before any is sent. */
  prepare?(messages: readonly OutboundMessageEntity[]): Promise<void>;
  send(message: OutboundMessageEntity): Promise<AttemptOutcome>;
  /** Bookkeeping once a lane (one ordering key's messages) is done: its last attempt (a webhook's health). */
  laneDone?(tx: EntityManager, message: OutboundMessageEntity, status: OutboundStatus, outcome: AttemptOutcome, now: Date): Promise<void>;
}

export interface WorkerOptions {
  /** How often a server looks for due messages when nothing wakes it (retries fall due this way). */
  pollMs?: number;
  /** How long a claim lasts: a server that dies mid-send leaves it to another after this. */
  leaseMs?: number;
  /** Messages per claim, and of one ordering key (sent one after another, the lease renewed as they go). */
  batch?: number;
  perKey?: number;
  /** Ordering keys sent at the same time. */
  concurrency?: number;
}

/**
 * Sends what the outbox holds (SPEC §16, §17, §18). Every server runs one; each pass claims due
 * messages in the database (claimDue), so each is sent by one server, and one that dies mid-send
 * leaves it to the next pass anywhere once its lease lapses: at least once, exactly once in
 * normal operation. A commit that queued something wakes the worker (`nudge`, and on PostgreSQL
 * every server through event-signals.ts); otherwise it looks every `pollMs`.
 */
export class OutboundWorker {
  private readonly handlers = new Map<OutboundChannel, ChannelHandler>();
  private readonly feeders: ((tx: EntityManager) => Promise<number>)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private log: Logger | null = null;
  private readonly options: Required<WorkerOptions>;

  constructor(
    private readonly db: Db,
    options: WorkerOptions = {},
  ) {
    this.options = { pollMs: 5_000, leaseMs: 300_000, batch: 500, perKey: 250, concurrency: 8, ...options };
  }

  register(channel: OutboundChannel, handler: ChannelHandler): void {
    this.handlers.set(channel, handler);
  }

  /**
   * Work that queues messages, run in each pass's transaction before its claim, which then takes
   * what it queued (webhook-dispatch.ts turns events into deliveries).
   */
  feed(feeder: (tx: EntityManager) => Promise<number>): void {
    this.feeders.push(feeder);
  }

  start(log: Logger): void {
    this.log = log;
    this.stopped = false;
    this.nudge();
  }

  /** Look now (something was queued). Passes never overlap; a nudge during one runs another after it. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let wait = this.options.pollMs;
    this.running = this.passes()
      .then(async () => {
        // Sleep until the next retry falls due, if that is sooner than the next look.
        const due = this.handlers.size > 0 ? await earliestDue(this.db.manager, [...this.handlers.keys()]) : null;
        if (due) wait = Math.max(10, Math.min(wait, due.getTime() - Date.now()));
      })
      .catch((error: unknown) => this.log?.error({ err: error }, 'outbound delivery pass failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
          return;
        }
        this.timer = setTimeout(() => this.nudge(), wait);
        this.timer.unref();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Claims and sends until nothing is due. Resolves with how many messages it sent (tests use it). */
  async passes(): Promise<number> {
    let sent = 0;
    for (;;) {
      const n = await this.pass();
      sent += n;
      if (n === 0 || this.stopped) return sent;
    }
  }

  private async pass(): Promise<number> {
    const channels = [...this.handlers.keys()];
    if (channels.length === 0) return 0;
    const { fed, owner, messages } = await this.db.transaction(async (tx) => {
      let fed = 0;
      for (const feeder of this.feeders) fed += await feeder(tx);
      const claimed = await claimDue(tx, this.db.dialect, { channels, now: new Date(), leaseMs: this.options.leaseMs, limit: this.options.batch, perKey: this.options.perKey });
      return { fed, ...claimed };
    });
    if (messages.length === 0) return fed;
    for (const [channel, handler] of this.handlers) {
      const mine = messages.filter((m) => m.channel === channel);
      if (mine.length > 0 && handler.prepare) await handler.prepare(mine);
    }
    // One queue per ordering key, sent in order; keys side by side.
    const queues = new Map<string, OutboundMessageEntity[]>();
    for (const m of messages) {
      const key = m.orderingKey ?? m.id;
      const q = queues.get(key);
      if (q) q.push(m);
      else queues.set(key, [m]);
    }
    const lanes = [...queues.values()];
    const workers = Array.from({ length: Math.min(this.options.concurrency, lanes.length) }, async () => {
      for (let lane = lanes.shift(); lane; lane = lanes.shift()) await this.sendLane(lane, owner);
    });
    await Promise.all(workers);
    return messages.length;
  }

  /**
   * Sends one key's messages in order. Outcomes are recorded a few at a time, in one transaction
   * with the lease of the rest of the lane renewed (a lane may outlast one lease): after a
   * failure, or every `RECORD_EVERY` messages or `RECORD_MS` — as soon as the record before has
   * finished, while the sends go on. A crash before a record sends those messages again — at
   * least once, as always.
   */
  private async sendLane(lane: readonly OutboundMessageEntity[], owner: string): Promise<void> {
    const handler = this.handlers.get(lane[0]!.channel)!;
    let lastSent: Sent | null = null;
    let unrecorded: Sent[] = [];
    let recordedAt = performance.now();
    /** `last`: the lane's final record, which also does the handler's bookkeeping of the lane (laneDone). */
    const record = async (rest: readonly OutboundMessageEntity[], last = false) => {
      const batch = unrecorded;
      unrecorded = [];
      recordedAt = performance.now();
      const leaseUntil = new Date(Date.now() + this.options.leaseMs);
      const done = await this.db.transaction(async (tx) => {
        // Bookkeeping of sends already made: were its commit lost in a crash, they would be sent
        // again (at least once), so it need not wait for the disk (PostgreSQL).
        if (this.db.dialect === 'postgres') await tx.query('SET LOCAL synchronous_commit TO OFF');
        const statuses = await recordAttempts(tx, this.db.dialect, batch, owner, handler.retryDelaysMs);
        await renewLease(tx, rest.map((m) => m.id), owner, leaseUntil);
        const latest = statuses.reduce<Sent | null>((found, status, i) => (status ? Object.assign({}, batch[i]!, { status }) : found), null);
        // The lane's health in the same transaction (lost in a crash, it is worked out again on
        // the next attempt, as the attempts are).
        const final = latest ?? lastSent;
        if (last && final?.status && handler.laneDone) await handler.laneDone(tx, final.message, final.status, final.outcome, final.now);
        return latest;
      });
      if (done) lastSent = done;
    };
    // The next sends do not wait for a record: it runs beside them, one at a time, and the
    // record after it takes whatever was sent meanwhile. (A record waits for a connection and the
    // database like any transaction; sends that waited for it went out at its pace, not theirs.)
    let recording: Promise<void> | null = null;
    let recordFailed: unknown = null;
    const startRecord = (rest: readonly OutboundMessageEntity[]) => {
      recording = record(rest)
        .catch((error: unknown) => void (recordFailed ??= error))
        .finally(() => (recording = null));
    };
    for (const [i, message] of lane.entries()) {
      if (recordFailed) break;
      let outcome: AttemptOutcome;
      try {
        outcome = await handler.send(message);
      } catch (error) {
        outcome = { ok: false, statusCode: null, durationMs: 0, error: error instanceof Error ? error.message : String(error), response: null };
      }
      unrecorded.push({ message, outcome, now: new Date(), status: null });
      if (!recording && (!outcome.ok || unrecorded.length >= RECORD_EVERY || performance.now() - recordedAt >= RECORD_MS)) startRecord(lane.slice(i + 1));
    }
    await recording;
    // A record that failed (the database went away) fails the pass: what it held is sent again
    // once the lease lapses — at least once, as always.
    if (recordFailed) throw recordFailed;
    if (unrecorded.length > 0 || (handler.laneDone && lastSent)) await record([], true);
  }
}

interface Sent {
  message: OutboundMessageEntity;
  outcome: AttemptOutcome;
  now: Date;
  status: OutboundStatus | null;
}

/** Outcomes recorded together (see sendLane): at most this many, or this long after the last record. */
const RECORD_EVERY = 50;
const RECORD_MS = 250;
