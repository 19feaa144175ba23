import type { Request } from 'express';
import type { Viewer } from '../../authz/viewer';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { effectivePermissions } from '../permissions/effective-permissions.repository';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import type { UserEntity } from '../users/user.entity';
import { readCookie, SESSION_COOKIE } from './cookies';
import { hashSecret } from './secrets';
import { SessionEntity } from './session.entity';
import { SESSION_IDLE_MS, TOUCH_INTERVAL_MS } from './session.settings';
import { sessionCredential, tokenCredential } from './credential.repository';

export interface Authentication {
  viewer: Viewer | null;
  /** The signed-in user's row as read now (primes the request's loaders). */
  user: UserEntity | null;
  /** The session's hash when signed in by cookie (signOut deletes it). */
  sessionHash: string | null;
  /** Set when a credential was presented but refused, so UNAUTHENTICATED can say why. */
  problem: string | null;
}

/** Anonymous, with the reason a presented credential was refused (null: none was presented). */
const refused = (problem: string | null): Authentication => ({ viewer: null, user: null, sessionHash: null, problem });
const ANONYMOUS = refused(null);

/** What the credential statement read besides the viewer: see Viewer.accessEpoch and settingsVersion. */
interface AsOf {
  accessEpoch: string | null;
  settingsVersion?: string;
}

function viewerOf(user: UserEntity, permissions: string[], asOf: AsOf = { accessEpoch: null }): Viewer {
  // Every field written, in one order: one hidden class for every viewer (eslint.config.mjs).
  return {
    accessEpoch: asOf.accessEpoch ?? undefined,
    settingsVersion: asOf.settingsVersion,
    userId: user.id,
    isAdmin: user.isAdmin,
    kind: user.kind,
    // Inactive users never get this far; the guard is kept so the rule stays local.
    permissions: new Set(user.isActive ? permissions : []),
    actor: { id: user.id, label: userLabel(user) },
  };
}

/** The viewer a user becomes when signed in: effective permissions computed now. */
export async function viewerFor(db: Db, user: UserEntity): Promise<Viewer> {
  return viewerOf(user, await effectivePermissions(db.manager, user));
}

/**
 * Who sent this request. A bearer token wins over a cookie (integrations may carry both).
 * Every request reads the credential and the user afresh: deactivating a user, revoking a token or
 * ending a session takes effect on the very next request.
 */
export async function authenticate(db: Db, req: Request, now = new Date()): Promise<Authentication> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return refused('The Authorization header must be "Bearer <API token>".');
    const found = await tokenCredential(db.manager, hashSecret(match[1]!));
    const c = found?.credential;
    const usable = found?.user.isActive === true && c?.['revokedAt'] === null && (c['expiresAt'] === null || (c['expiresAt'] as Date) > now);
    if (!found || !usable) return refused('The API token is invalid, expired or revoked.');
    const lastUsedAt = c!['lastUsedAt'] as Date | null;
    if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.manager.update(ApiTokenEntity, { id: c!['id'] as string }, { lastUsedAt: now });
    }
    return { viewer: viewerOf(found.user, found.permissions, found), user: found.user, sessionHash: null, problem: null };
  }

  const secret = readCookie(req, SESSION_COOKIE);
  if (!secret) return ANONYMOUS;
  const hash = hashSecret(secret);
  const found = await sessionCredential(db.manager, hash);
  const c = found?.credential;
  if (!found || !c || (c['expiresAt'] as Date) <= now || (c['absoluteExpiresAt'] as Date) <= now || !found.user.isActive) {
    return refused('Your session has ended; please sign in again.');
  }
  if (now.getTime() - (c['lastSeenAt'] as Date).getTime() > TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, (c['absoluteExpiresAt'] as Date).getTime()));
    await db.manager.update(SessionEntity, { tokenHash: hash }, { lastSeenAt: now, expiresAt });
  }
  return { viewer: viewerOf(found.user, found.permissions, found), user: found.user, sessionHash: hash, problem: null };
}
