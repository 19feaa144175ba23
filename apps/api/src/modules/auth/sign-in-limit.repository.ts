import type { EntityManager } from 'typeorm';
import type { Db } from '../../db/db';
import { rawQuery } from '../../db/raw-sql';
import { parseUtcTimestamp } from '../../db/timestamp';

/** The sign-in limits: per account (an email) and per client address (many accounts, one attacker). */
export type SignInBucket = 'account' | 'address';

/** One counted attempt: its window, to take the attempt back from that window only. */
export interface Counted {
  windowEndsAt: Date;
}

/**
 * Counts failed sign-ins in `sign_in_limit`, one row per key, for every process and server on the
 * database. Each statement is one atomic step on the row, so concurrent attempts on any number of
 * servers can never count past the limit between a check and an increment: `count` checks and
 * increments in the same statement.
 */
export class SignInLimitRepository {
  constructor(private readonly db: Db) {}

  /**
   * Counts one attempt against `key` unless the window already holds `limit`: the count, or a new
   * window of `windowMs` when the last one has ended. Null when refused (nothing was counted).
   *
   * One upsert: PostgreSQL runs concurrent ones on a row one after another, each seeing the count
   * the one before it left; the WHERE on DO UPDATE refuses without writing, and RETURNING then
   * returns no row.
   */
  async count(bucket: SignInBucket, key: string, limit: number, windowMs: number, now = new Date()): Promise<Counted | null> {
    const rows = await this.run<{ window_ends_at: Date | string }>(COUNT_SQL, { bucket, key, limit, now, windowEndsAt: new Date(now.getTime() + windowMs) }, 'sign_in_limit_count');
    return rows[0] ? { windowEndsAt: toDate(rows[0].window_ends_at) } : null;
  }

  /** Milliseconds until `key`'s window ends (0 when it has no current window). */
  async retryAfter(bucket: SignInBucket, key: string, now = new Date()): Promise<number> {
    const rows = await this.run<{ window_ends_at: Date | string }>(WINDOW_SQL, { bucket, key }, 'sign_in_limit_window');
    return rows[0] ? Math.max(0, toDate(rows[0].window_ends_at).getTime() - now.getTime()) : 0;
  }

  /** Takes back one counted attempt, if its window is still the key's (a later window keeps its own count). */
  async uncount(bucket: SignInBucket, key: string, counted: Counted): Promise<void> {
    await this.run(UNCOUNT_SQL, { bucket, key, windowEndsAt: counted.windowEndsAt }, 'sign_in_limit_uncount');
  }

  /** Forgets `key`'s failures (a successful sign-in to the account). */
  async forget(bucket: SignInBucket, key: string): Promise<void> {
    await this.run(FORGET_SQL, { bucket, key }, 'sign_in_limit_forget');
  }

  /** Deletes the rows whose window has ended: they count nothing any more. */
  async prune(now = new Date()): Promise<void> {
    await this.run(PRUNE_SQL, { now }, 'sign_in_limit_prune');
  }

  /**
   * PostgreSQL: one statement on a pooled connection, outside any transaction. SQLite has one
   * connection per process, and a statement sent outside Db's transaction queue would run inside
   * whichever transaction another request has open on it, and be undone if that one rolls back:
   * there each statement is a transaction of its own, in the queue.
   */
  private run<T>(sql: string, params: Record<string, unknown>, name: string): Promise<T[]> {
    if (this.db.dialect === 'sqlite') return this.db.transaction((tx: EntityManager) => rawQuery<T>(tx, sql, params));
    return rawQuery<T>(this.db.manager, sql, params, name);
  }
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : parseUtcTimestamp(value));

// One text for both dialects (SQLite has had INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING
// since 3.35). "key" is quoted: a keyword in SQLite.
const COUNT_SQL = `INSERT INTO sign_in_limit (bucket, "key", failures, window_ends_at) VALUES (:bucket, :key, 1, :windowEndsAt)
  ON CONFLICT (bucket, "key") DO UPDATE SET
    failures = CASE WHEN sign_in_limit.window_ends_at <= :now THEN 1 ELSE sign_in_limit.failures + 1 END,
    window_ends_at = CASE WHEN sign_in_limit.window_ends_at <= :now THEN excluded.window_ends_at ELSE sign_in_limit.window_ends_at END
  WHERE sign_in_limit.window_ends_at <= :now OR sign_in_limit.failures < :limit
  RETURNING window_ends_at`;

const WINDOW_SQL = `SELECT window_ends_at FROM sign_in_limit WHERE bucket = :bucket AND "key" = :key`;

const UNCOUNT_SQL = `UPDATE sign_in_limit SET failures = failures - 1
  WHERE bucket = :bucket AND "key" = :key AND window_ends_at = :windowEndsAt AND failures > 0`;

const FORGET_SQL = `DELETE FROM sign_in_limit WHERE bucket = :bucket AND "key" = :key`;

const PRUNE_SQL = `DELETE FROM sign_in_limit WHERE window_ends_at <= :now`;
