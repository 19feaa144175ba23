import type { EntityManager } from 'typeorm';
import { rawQuery } from '../../db/raw-sql';
import { UserEntity } from '../users/user.entity';

/**
 * Authentication's hot path: the credential, its user and the user's effective permissions in ONE
 * statement (it runs on every request). Effective permissions follow SPEC §1 exactly as
 * effectivePermissionsOf does: admins hold the whole catalog, inactive users nothing (filtered by
 * the caller), others direct ∪ current groups'.
 */
export interface CredentialRow {
  user: UserEntity;
  permissions: string[];
  /** api_token: id, lastUsedAt, expiresAt, revokedAt; session: lastSeenAt, expiresAt, absoluteExpiresAt. */
  credential: Record<string, Date | string | null>;
}

const USER_COLUMNS = `u.id AS "u_id", u.email AS "u_email", u.email_key AS "u_email_key", u.display_name AS "u_display_name",
  u.name_key AS "u_name_key", u.kind AS "u_kind", u.is_active AS "u_is_active", u.is_admin AS "u_is_admin",
  u.created_at AS "u_created_at", u.updated_at AS "u_updated_at", u.last_sign_in_at AS "u_last_sign_in_at"`;

function permissionsSql(postgres: boolean): string {
  const keys = `SELECT p.key AS k FROM permission p WHERE u.is_admin = :yes
      UNION SELECT up.permission_key FROM user_permission up WHERE up.user_id = u.id
      UNION SELECT gp.permission_key FROM membership m JOIN group_permission gp ON gp.group_id = m.group_id
             WHERE m.user_id = u.id AND (m.expires_at IS NULL OR m.expires_at > :now)`;
  return postgres
    ? `(SELECT COALESCE(json_agg(x.k), '[]'::json) FROM (${keys}) x) AS "perms"`
    : `(SELECT json_group_array(x.k) FROM (${keys}) x) AS "perms"`;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));

function toRow(raw: Record<string, unknown>, credentialKeys: string[]): CredentialRow {
  const user = Object.assign(new UserEntity(), {
    id: raw['u_id'] as string,
    email: raw['u_email'] as string,
    emailKey: raw['u_email_key'] as string,
    displayName: raw['u_display_name'] as string,
    nameKey: raw['u_name_key'] as string,
    kind: raw['u_kind'] as UserEntity['kind'],
    isActive: Boolean(raw['u_is_active']),
    isAdmin: Boolean(raw['u_is_admin']),
    createdAt: date(raw['u_created_at'])!,
    updatedAt: date(raw['u_updated_at'])!,
    lastSignInAt: date(raw['u_last_sign_in_at']),
    passwordHash: null,
  });
  const perms = raw['perms'];
  const permissions = (typeof perms === 'string' ? (JSON.parse(perms) as string[]) : (perms as string[] | null) ?? []).filter((k) => k !== null).sort();
  const credential = Object.fromEntries(credentialKeys.map((k) => [k, k === 'id' ? (raw[`c_${k}`] as string) : date(raw[`c_${k}`])]));
  return { user, permissions, credential };
}

export async function tokenCredential(manager: EntityManager, tokenHash: string, now: Date): Promise<CredentialRow | null> {
  const postgres = manager.connection.options.type === 'postgres';
  const rows = await rawQuery<Record<string, unknown>>(
    manager,
    `SELECT t.id AS "c_id", t.last_used_at AS "c_lastUsedAt", t.expires_at AS "c_expiresAt", t.revoked_at AS "c_revokedAt",
            ${USER_COLUMNS}, ${permissionsSql(postgres)}
       FROM api_token t JOIN user_account u ON u.id = t.user_id
      WHERE t.token_hash = :hash`,
    { hash: tokenHash, yes: true, now },
    'gh_token_credential',
  );
  return rows[0] ? toRow(rows[0], ['id', 'lastUsedAt', 'expiresAt', 'revokedAt']) : null;
}

export async function sessionCredential(manager: EntityManager, tokenHash: string, now: Date): Promise<CredentialRow | null> {
  const postgres = manager.connection.options.type === 'postgres';
  const rows = await rawQuery<Record<string, unknown>>(
    manager,
    `SELECT s.last_seen_at AS "c_lastSeenAt", s.expires_at AS "c_expiresAt", s.absolute_expires_at AS "c_absoluteExpiresAt",
            ${USER_COLUMNS}, ${permissionsSql(postgres)}
       FROM session s JOIN user_account u ON u.id = s.user_id
      WHERE s.token_hash = :hash`,
    { hash: tokenHash, yes: true, now },
    'gh_session_credential',
  );
  return rows[0] ? toRow(rows[0], ['lastSeenAt', 'expiresAt', 'absoluteExpiresAt']) : null;
}
