import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { LIMITS } from '@gatehouse/shared';

/**
 * Password hashing with Node's scrypt (memory-hard; no native addon to build). Stored as
 * `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = Object.assign({}, params, { maxmem: 128 * params.N * params.r * 2 });
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: compared against when the email is unknown, so timing reveals nothing. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'));

/** The password policy: returns the problem in plain words, or null when the password is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < LIMITS.passwordMin) return `The password must be at least ${LIMITS.passwordMin} characters long.`;
  if (password.length > LIMITS.passwordMax) return `The password must be at most ${LIMITS.passwordMax} characters long.`;
  const lower = password.toLowerCase();
  const mail = email.trim().toLowerCase();
  if (lower === mail || lower === mail.split('@')[0]) return 'The password must not be your email address.';
  if (new Set(password).size < 4) return 'The password is too repetitive; use more different characters.';
  return null;
}
