import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { EVENT_CHANNEL } from './event-outbox';

type Listener = () => void;

const RECONNECT_MS = 2_000;

/**
 * "New events have committed somewhere": the wake-up for webhook deliverers and subscriptions.
 * Only a wake-up — whoever hears it reads the event table for what is new, so a signal lost or
 * doubled changes nothing but latency (SPEC §16: what a process knows is checked against the
 * database). On PostgreSQL every server LISTENs on one dedicated connection, so a commit on any
 * server wakes all of them (the NOTIFY is sent at commit by the transaction itself); a commit of
 * this process also signals directly, at once, and its own NOTIFY — which carries `tag` — is then
 * skipped: every wake-up makes each live connection re-check its credential (subscriptions.live.ts),
 * so hearing each commit twice would double that work for nothing. SQLite has one process: the
 * direct signal is all there is.
 */
export class EventSignals {
  /** Names this instance's commits in their NOTIFY (EventOutbox sends it). */
  readonly tag = randomUUID();
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private stopped = true;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly postgresUrl: string | null) {}

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A commit of this process made events. */
  signal(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's fault is its own; the others still hear.
      }
    }
  }

  async start(log: Logger): Promise<void> {
    this.stopped = false;
    if (this.postgresUrl) await this.connect(log);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(log: Logger): Promise<void> {
    const client = new pg.Client({ connectionString: this.postgresUrl!, connectionTimeoutMillis: 5_000 });
    const again = (error?: unknown) => {
      if (this.client === client) this.client = null;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      if (this.stopped) return;
      if (error) log.warn({ err: error }, 'event listener connection lost; reconnecting');
      this.retry = setTimeout(() => void this.connect(log), RECONNECT_MS);
      this.retry.unref();
    };
    client.on('error', again);
    client.on('end', () => again());
    client.on('notification', (message) => {
      if (message.payload !== this.tag) this.signal();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      // Whatever committed while we were not listening: the listeners re-read the table.
      this.signal();
    } catch (error) {
      again(error);
    }
  }
}
