import { LocalSignInLimiter, type SignInLimiter } from '../modules/auth/throttle';

/**
 * What a serving process shares with the other workers of the same server. With one process
 * (SQLite, or WORKERS=1) nothing is shared and `soloLink` keeps everything itself; with several
 * workers (PostgreSQL) each worker's link asks the primary (worker-link.ts, primary.ts).
 *
 * Everything else a worker holds is either per request or checked against the database on every
 * use (the access cache, against the access epoch), so it needs no link.
 */
export interface ClusterLink {
  /** Failed sign-ins, counted once for the whole server. */
  signInLimiter: SignInLimiter;
  /** Resolves once every other worker has dropped its cached settings (called after a commit). */
  settingsChanged(): Promise<void>;
}

export function soloLink(): ClusterLink {
  return { signInLimiter: new LocalSignInLimiter(), settingsChanged: async () => {} };
}
