import type { Request } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../../authz/viewer';
import type { InFlight } from '../../common/in-flight';
import { errors } from '../../common/errors';
import { authenticate } from '../auth/authenticate';
import type { Services } from '../../services';
import type { Context } from '../../context';
import { can } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';

/**
 * Live updates (SPEC §17): the state of one WebSocket connection and of the streams it serves.
 *
 * Nothing here is a source of truth. A commit with events or notifications — on any server — wakes
 * `services.signals` (LISTEN/NOTIFY on PostgreSQL, in-process on SQLite); every stream then reads
 * the database after its OWN last position. A lost or doubled signal changes only latency; two
 * servers serve the same rows; a stream never skips a row it has not read.
 *
 * The connection's credential (the upgrade request's session cookie, or the `connection_init`
 * payload's `Bearer` token) is read again on every signal and on a short timer, exactly as an
 * HTTP request would read it. A credential that no longer works (signed out, revoked, expired,
 * user deactivated) closes the socket with 4401; a viewer who lost the right to a stream it has
 * (the event feed: admins and audit.read holders) is closed with 4403. A stream re-reads only once
 * the check that its wake-up started has finished, so it never hands out rows read for a viewer
 * who had already lost the right.
 */

/** graphql-ws close codes we use (the protocol's own: Unauthorized, Forbidden). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** How often a connection's credential is read again without any signal (revocation, sign-out). */
export const RECHECK_MS = 5_000;

/** The credential a connection presented, replayed as the headers authenticate() reads. */
export interface LiveCredential {
  cookie?: string;
  authorization?: string;
}

/** What a stream needs to know of its connection. */
export interface LiveLink {
  /** The viewer as of the newest finished check; null once the connection is closing. */
  readonly viewer: Viewer | null;
  /** Resolves once the credential check started by the latest wake-up (if any) has finished. */
  checked(): Promise<void>;
  /**
   * `read()`'s answer, shared with every other stream of this server asking under the same `key`
   * since the latest wake-up (LiveHub.shared). The key must name everything the answer depends on.
   */
  shared<R>(key: string, read: () => Promise<R>): Promise<R>;
}

type Kind = 'events' | 'notifications';

/** One WebSocket connection: its credential, its viewer, its open streams. */
export class LiveConnection {
  viewer: Viewer | null;
  readonly streams = new Set<LiveStream<unknown>>();
  private readonly kinds = new Map<LiveStream<unknown>, Kind>();
  private checking: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly credential: LiveCredential,
    viewer: Viewer,
    private readonly close: (code: number, reason: string) => void,
  ) {
    this.viewer = viewer;
  }

  checked(): Promise<void> {
    return this.checking;
  }

  add(stream: LiveStream<unknown>, kind: Kind): void {
    this.streams.add(stream);
    this.kinds.set(stream, kind);
  }

  remove(stream: LiveStream<unknown>): void {
    this.streams.delete(stream);
    this.kinds.delete(stream);
  }

  /**
   * Reads the credential again with `check` (at most one check at a time; a later call waits for
   * it). `check` must read the database no earlier than this call: LiveHub.check shares one read
   * among the connections presenting the same credential since the latest wake-up.
   */
  recheck(check: (credential: LiveCredential) => Promise<Viewer | null>, log: Logger): Promise<void> {
    if (this.closed) return this.checking;
    this.checking = this.checking.then(async () => {
      if (this.closed) return;
      try {
        const viewer = await check(this.credential);
        if (!viewer) return this.end(CLOSE_UNAUTHORIZED, 'Your session or token has ended; sign in again.');
        this.viewer = viewer;
        if ([...this.kinds.values()].includes('events') && !can(settingsPolicy, 'readEvents', viewer)) {
          return this.end(CLOSE_FORBIDDEN, 'You may no longer read the event feed.');
        }
      } catch (error) {
        // The database did not answer: keep the last verdict, try again on the next tick. (Streams
        // reading meanwhile fail the same way and retry.)
        log.warn({ err: error }, 'live updates: could not re-check a connection’s credential');
      }
    });
    return this.checking;
  }

  end(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.viewer = null;
    for (const stream of this.streams) void stream.return();
    this.close(code, reason);
  }
}

/** A fake request carrying only what authenticate() reads: the Cookie and Authorization headers. */
export function credentialRequest(credential: LiveCredential): Request {
  const headers: Record<string, string> = {};
  if (credential.cookie !== undefined) headers['cookie'] = credential.cookie;
  if (credential.authorization !== undefined) headers['authorization'] = credential.authorization;
  return { headers } as unknown as Request;
}

const RETRY_MS = 1_000;

/**
 * A pull stream over the database: `read()` returns what is new since the stream's own position
 * (and moves it); `wake()` says something may be new. Implemented by hand, not as an async
 * generator: `return()` (the client unsubscribed, the socket closed) must end a stream that is
 * waiting for a wake-up at once, which a suspended generator cannot do.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private dirty = true;
  private done = false;
  private waiting: (() => void) | null = null;
  private pulling: Promise<IteratorResult<T>> | null = null;

  constructor(
    private readonly read: () => Promise<{ rows: T[]; more: boolean }>,
    private readonly track: <R>(work: Promise<R>) => Promise<R>,
    private readonly log: Logger,
    private readonly onEnd: () => void,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  wake(): void {
    this.dirty = true;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  next(): Promise<IteratorResult<T>> {
    // graphql-ws pulls one at a time; a second caller shares the pull in progress.
    this.pulling ??= this.pull().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.buffer.length = 0;
      this.wake();
      this.onEnd();
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  private async pull(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      const next = this.buffer.shift();
      if (next !== undefined) return { done: false, value: next };
      if (!this.dirty) {
        await new Promise<void>((resolve) => (this.waiting = resolve));
        continue;
      }
      this.dirty = false;
      try {
        // Counted, so that shutdown closes the database only after the last read has finished.
        const { rows, more } = await this.track(this.read());
        if (this.done) continue;
        this.buffer.push(...rows);
        if (more) this.dirty = true;
      } catch (error) {
        // The database did not answer: the position did not move, so nothing is lost. Try again.
        this.log.warn({ err: error }, 'live updates: a stream could not read; retrying');
        await new Promise<void>((resolve) => setTimeout(resolve, RETRY_MS).unref());
        this.dirty = true;
      }
    }
  }
}

/**
 * Every live connection of this server, woken by `services.signals`. One per HTTP server
 * (subscriptions.server.ts creates it).
 *
 * A wake-up reaches every connection at once, and most of them ask the database the same
 * questions: many connections present the same credential (a service's replicas, a person's tabs),
 * and the streams of the event feed all stand at the same position. Each distinct question is
 * asked once per wake-up and its answer shared. Sharing never serves a stale answer: both memos are
 * emptied by every wake-up (synchronously, before anyone is told), so a shared answer was always
 * read after the newest commit this server has heard of — exactly what a read of one's own would be.
 */
export class LiveHub {
  private readonly connections = new Set<LiveConnection>();
  private readonly unlisten: () => void;
  private readonly timer: NodeJS.Timeout;
  /** Credential checks since the latest wake-up (or timer tick), by credential. */
  private checks = new Map<string, Promise<Viewer | null>>();
  /** Stream reads since the latest wake-up, by the key their streams gave. */
  private reads = new Map<string, Promise<unknown>>();

  constructor(
    readonly services: Services,
    readonly log: Logger,
    private readonly inFlight: InFlight,
    recheckMs = RECHECK_MS,
  ) {
    this.unlisten = services.signals.listen(() => this.wake());
    this.timer = setInterval(() => {
      this.checks = new Map();
      for (const connection of this.connections) void connection.recheck(this.check, log);
    }, recheckMs);
    this.timer.unref();
  }

  /** A commit somewhere: check every credential again, then let every stream read. */
  wake(): void {
    this.checks = new Map();
    this.reads = new Map();
    for (const connection of this.connections) {
      void connection.recheck(this.check, this.log);
      for (const stream of connection.streams) stream.wake();
    }
  }

  /** The viewer `credential` names now (null: it no longer works), read once per wake-up. */
  readonly check = (credential: LiveCredential): Promise<Viewer | null> => {
    const key = `${credential.authorization ?? ''}\n${credential.cookie ?? ''}`;
    const memo = this.checks;
    let answer = memo.get(key);
    if (!answer) {
      answer = authenticate(this.services.db, credentialRequest(credential)).then((a) => a.viewer);
      memo.set(key, answer);
      // A failed read is not an answer: the next asker reads again.
      const mine = answer;
      mine.catch(() => {
        if (memo.get(key) === mine) memo.delete(key);
      });
    }
    return answer;
  };

  /** `read()`'s answer under `key`, read once per wake-up (LiveLink.shared). */
  shared<R>(key: string, read: () => Promise<R>): Promise<R> {
    const memo = this.reads;
    let answer = memo.get(key) as Promise<R> | undefined;
    if (!answer) {
      answer = read();
      memo.set(key, answer);
      const mine = answer;
      mine.catch(() => {
        if (memo.get(key) === mine) memo.delete(key);
      });
    }
    return answer;
  }

  track<R>(work: Promise<R>): Promise<R> {
    return this.inFlight.track(work);
  }

  register(connection: LiveConnection): void {
    this.connections.add(connection);
  }

  unregister(connection: LiveConnection): void {
    this.connections.delete(connection);
    connection.closed = true;
  }

  stop(): void {
    this.unlisten();
    clearInterval(this.timer);
  }
}

/** A stream's view of its connection (a class: see eslint.config.mjs on getters in object literals). */
class ConnectionLink implements LiveLink {
  constructor(
    private readonly hub: LiveHub,
    private readonly connection: LiveConnection,
  ) {}

  get viewer(): Viewer | null {
    return this.connection.viewer;
  }

  checked(): Promise<void> {
    return this.connection.checked();
  }

  shared<R>(key: string, read: () => Promise<R>): Promise<R> {
    return this.hub.shared(key, read);
  }
}

/** Which hub and connection an operation's context belongs to (HTTP requests belong to none). */
const bindings = new WeakMap<object, { hub: LiveHub; connection: LiveConnection }>();

export function bindLive(context: Context, hub: LiveHub, connection: LiveConnection): void {
  bindings.set(context, { hub, connection });
}

/**
 * A stream for the operation running with `context`, registered with its connection so that
 * wake-ups reach it and losing the right ends it. `read` is called only after the connection's
 * latest credential check, and only while the connection is open. Subscriptions exist only over
 * WebSocket: anywhere else this refuses.
 */
export function liveStream<T>(context: Context, kind: Kind, read: (link: LiveLink) => Promise<{ rows: T[]; more: boolean }>): LiveStream<T> {
  const bound = bindings.get(context);
  if (!bound) throw errors.badInput('Subscriptions are served over WebSocket (graphql-ws) on /graphql.', 'NOT_A_WEBSOCKET');
  const { hub, connection } = bound;
  const link = new ConnectionLink(hub, connection);
  const stream: LiveStream<T> = new LiveStream<T>(
    async () => {
      await connection.checked();
      if (connection.closed || !connection.viewer) return { rows: [], more: false };
      return read(link);
    },
    (work) => hub.track(work),
    hub.log,
    () => connection.remove(stream as LiveStream<unknown>),
  );
  connection.add(stream as LiveStream<unknown>, kind);
  return stream;
}
