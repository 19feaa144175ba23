import type { Request } from 'express';
import type { Viewer } from '../../authz/viewer';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { effectivePermissions } from '../permissions/effective-permissions';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import type { UserEntity } from '../users/user.entity';
import { readCookie, SESSION_COOKIE } from './cookies';
import { hashSecret } from './secrets';
import { SessionEntity } from './session.entity';
import { SESSION_IDLE_MS, TOUCH_INTERVAL_MS } from './session.settings';

export interface Authentication {
  viewer: Viewer | null;
  /** The signed-in user's row as read now (primes the request's loaders). */
  user: UserEntity | null;
  /** The session's hash when signed in by cookie (signOut deletes it). */
  sessionHash: string | null;
  /** Set when a credential was presented but refused, so UNAUTHENTICATED can say why. */
  problem: string | null;
}

const ANONYMOUS: Authentication = { viewer: null, user: null, sessionHash: null, problem: null };

/** The viewer a user becomes when signed in: effective permissions computed now. */
export async function viewerFor(db: Db, user: UserEntity): Promise<Viewer> {
  const permissions = await effectivePermissions(db.manager, user);
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    kind: user.kind,
    permissions: new Set(permissions),
    actor: { id: user.id, label: userLabel(user) },
  };
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
    if (!match) return { ...ANONYMOUS, problem: 'The Authorization header must be "Bearer <API token>".' };
    const token = await db.manager
      .createQueryBuilder(ApiTokenEntity, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.tokenHash = :hash', { hash: hashSecret(match[1]!) })
      .getOne();
    const usable =
      token?.user?.isActive === true && token.revokedAt === null && (token.expiresAt === null || token.expiresAt > now);
    if (!token || !usable) return { ...ANONYMOUS, problem: 'The API token is invalid, expired or revoked.' };
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.manager.update(ApiTokenEntity, { id: token.id }, { lastUsedAt: now });
    }
    return { viewer: await viewerFor(db, token.user!), user: token.user!, sessionHash: null, problem: null };
  }

  const secret = readCookie(req, SESSION_COOKIE);
  if (!secret) return ANONYMOUS;
  const hash = hashSecret(secret);
  const session = await db.manager
    .createQueryBuilder(SessionEntity, 's')
    .innerJoinAndSelect('s.user', 'u')
    .where('s.tokenHash = :hash', { hash })
    .getOne();
  if (!session || session.expiresAt <= now || session.absoluteExpiresAt <= now || !session.user?.isActive) {
    return { ...ANONYMOUS, problem: 'Your session has ended; please sign in again.' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
    await db.manager.update(SessionEntity, { tokenHash: hash }, { lastSeenAt: now, expiresAt });
  }
  return { viewer: await viewerFor(db, session.user), user: session.user, sessionHash: hash, problem: null };
}
