import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../common/validate';
import { newSecret } from '../auth/secrets';
import { isNotificationKind, type NotificationKind } from '../notifications/notification-kind';
import { ServerSecretEntity } from './server-secret.entity';

/** The server_secret row that keys unsubscribe links. */
const KEY_NAME = 'email-unsubscribe';

/**
 * One-click unsubscribe tokens (RFC 8058): `<userId>.<kind>.<HMAC-SHA256(key, "unsubscribe:<userId>:<kind>")>`.
 * They work without signing in, so the signature is what stops anyone from switching off someone
 * else's email: the key is 256 random bits kept in the database (server_secret), the same for
 * every server of the deployment, so a link mailed by one server is accepted by all, also after a
 * restart. A token says only "this person, this kind"; it never expires (an old email's link
 * still works), and all it can do is turn one kind of email off.
 */
export class UnsubscribeTokens {
  private key: Buffer | null = null;

  /** The deployment's key, read once per process (it never changes once made). */
  async keyFor(manager: EntityManager): Promise<Buffer> {
    if (this.key) return this.key;
    const row = await manager.findOneBy(ServerSecretEntity, { name: KEY_NAME });
    if (row) {
      this.key = Buffer.from(row.value, 'base64url');
      return this.key;
    }
    // First use on this database: whoever inserts first wins, the others read theirs. Not cached
    // here: the caller's transaction may still roll back, and then the next use makes it again.
    await manager.createQueryBuilder().insert().into(ServerSecretEntity).values({ name: KEY_NAME, value: newSecret() }).orIgnore().execute();
    const made = await manager.findOneByOrFail(ServerSecretEntity, { name: KEY_NAME });
    return Buffer.from(made.value, 'base64url');
  }

  async sign(manager: EntityManager, userId: string, kind: NotificationKind): Promise<string> {
    return `${userId}.${kind}.${mac(await this.keyFor(manager), userId, kind).toString('base64url')}`;
  }

  /** The person and kind a genuine token names; null for anything else (altered, forged, malformed). */
  async verify(manager: EntityManager, token: string): Promise<{ userId: string; kind: NotificationKind } | null> {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [userId = '', kind = '', signature = ''] = parts;
    if (!isUuid(userId) || !isNotificationKind(kind) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
    // Compared as text: base64url ignores a last character's spare bits, and an altered token is refused, not decoded alike.
    const expected = Buffer.from(mac(await this.keyFor(manager), userId, kind).toString('base64url'));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
  }
}

function mac(key: Buffer, userId: string, kind: string): Buffer {
  return createHmac('sha256', key).update(`unsubscribe:${userId}:${kind}`, 'utf8').digest();
}
