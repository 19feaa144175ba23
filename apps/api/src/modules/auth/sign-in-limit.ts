import { isIPv4, isIPv6 } from 'node:net';
import { SignInLimitRepository, type Counted, type SignInBucket } from './sign-in-limit.repository';
import type { Db } from '../../db/db';

/**
 * Failures allowed per key in a fixed window that opens with the first attempt counted against the
 * key (SPEC §16: one limit for the whole deployment). Once a window holds its limit, every attempt
 * is refused, the right password included, until the window ends; then counting starts again.
 */
export const SIGN_IN_LIMITS: Record<SignInBucket, { failures: number; windowMs: number }> = {
  account: { failures: 10, windowMs: 15 * 60_000 },
  address: { failures: 50, windowMs: 15 * 60_000 },
};

/** Expired rows are deleted at most this often per process, by whichever sign-in comes first. */
const PRUNE_EVERY_MS = 60_000;

/** The outcome of `SignInLimit.begin`. */
export type SignInTurn =
  | { allowed: false; retryAfterMs: number }
  | {
      allowed: true;
      /** The password was right: the account's failures are forgotten; the address does not count it. */
      succeeded(): Promise<void>;
      /** Neither right nor wrong (an error came first): the attempt is taken back from both. */
      abandoned(): Promise<void>;
    };

/**
 * The sign-in limit, counted in the database (sign-in-limit.repository.ts) so that every process
 * and server shares it.
 *
 * An attempt is counted as a failure BEFORE its password is checked, and taken back if it turns out
 * not to be one. Checking first and counting after would let every attempt that arrives while the
 * count is below the limit through — 50 concurrent guesses all pass a check that reads 0 — whereas
 * counting first lets exactly the limit's worth through. A wrong password therefore needs nothing
 * more: it was counted when it began.
 */
export class SignInLimit {
  private readonly counts: SignInLimitRepository;
  private nextPruneAt = 0;

  constructor(db: Db) {
    this.counts = new SignInLimitRepository(db);
  }

  /** Counts an attempt on `account` (the email's key) from `address` (req.ip), or refuses it. */
  async begin(account: string, address: string): Promise<SignInTurn> {
    const now = new Date();
    await this.pruneNowAndThen(now);
    const from = addressKey(address);
    const forAccount = await this.count('account', account, now);
    if ('retryAfterMs' in forAccount) return { allowed: false, retryAfterMs: forAccount.retryAfterMs };
    const forAddress = await this.count('address', from, now);
    if ('retryAfterMs' in forAddress) {
      await this.counts.uncount('account', account, forAccount);
      return { allowed: false, retryAfterMs: forAddress.retryAfterMs };
    }
    return {
      allowed: true,
      succeeded: async () => {
        await this.counts.forget('account', account);
        await this.counts.uncount('address', from, forAddress);
      },
      abandoned: async () => {
        await this.counts.uncount('account', account, forAccount);
        await this.counts.uncount('address', from, forAddress);
      },
    };
  }

  private async count(bucket: SignInBucket, key: string, now: Date): Promise<Counted | { retryAfterMs: number }> {
    const { failures, windowMs } = SIGN_IN_LIMITS[bucket];
    const counted = await this.counts.count(bucket, key, failures, windowMs, now);
    // Refused: the window is full. Its end was read just after; a window that ended in between
    // asks for the shortest wait rather than a second round.
    return counted ?? { retryAfterMs: Math.max(1, await this.counts.retryAfter(bucket, key, now)) };
  }

  private async pruneNowAndThen(now: Date): Promise<void> {
    if (now.getTime() < this.nextPruneAt) return;
    this.nextPruneAt = now.getTime() + PRUNE_EVERY_MS;
    await this.counts.prune(now);
  }
}

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64 and could
 * take a new address from it for every few guesses, so it is counted by its /64; an IPv4 address
 * written as IPv6 (::ffff:192.0.2.1) counts as that IPv4 address. Anything else as written.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(bare)) return address.slice(0, 255);
  const [head = '', tail] = bare.split('::') as [string, string | undefined];
  // An IPv4 tail (::ffff:… aside, e.g. 64:ff9b::192.0.2.1) is the last 32 bits: two groups, never among the first four.
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
