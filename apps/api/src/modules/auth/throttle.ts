/**
 * Sliding-window counter of failed sign-ins, per key (an account's email, a client address).
 * Kept in memory by one process. Sign-in no longer uses it: the limit is counted in the database
 * for every process and server (sign-in-limit.ts); only the cluster's IPC hub still holds one, and
 * this file goes with the hub.
 */
export class Throttle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return recent[0]! + this.windowMs - now;
  }

  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.prune(now);
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
    }
  }
}

/** The sign-in limits: per account (an email) and per client address (many accounts, one attacker). */
export type SignInBucket = 'account' | 'address';

/**
 * Where failed sign-ins are counted. One process keeps them itself (`LocalSignInLimiter`); with
 * several workers (cluster/) every worker asks the primary's, so the limit holds across workers.
 */
export interface SignInLimiter {
  retryAfter(bucket: SignInBucket, key: string): Promise<number>;
  fail(bucket: SignInBucket, key: string): Promise<void>;
  clear(bucket: SignInBucket, key: string): Promise<void>;
}

/** 10 failures per account per 15 minutes; 50 per client address. */
export class LocalSignInLimiter implements SignInLimiter {
  private readonly buckets: Record<SignInBucket, Throttle> = {
    account: new Throttle(10, 15 * 60_000),
    address: new Throttle(50, 15 * 60_000),
  };

  async retryAfter(bucket: SignInBucket, key: string): Promise<number> {
    return this.buckets[bucket].retryAfter(key);
  }

  async fail(bucket: SignInBucket, key: string): Promise<void> {
    this.buckets[bucket].fail(key);
  }

  async clear(bucket: SignInBucket, key: string): Promise<void> {
    this.buckets[bucket].clear(key);
  }
}
