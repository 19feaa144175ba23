import type { EntityManager } from 'typeorm';
import { coalescer } from '../../db/coalesce';
import { inFixedList, rawQuery } from '../../db/raw-sql';
import { EPOCH_SQL, epochOf } from '../access/access-epoch';
import { currentMembershipSql } from '../memberships/current';
import { SETTINGS_VERSION_SQL, versionOf } from '../settings/settings.repository';
import type { UserEntity } from '../users/user.entity';
import { userColumnsSql, userFromRow } from '../users/user.repository';
import { toDate } from '../../db/timestamp';

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
  /** The access epoch as of this statement (null without its row): see modules/access/access-epoch.ts. */
  accessEpoch: string | null;
  /** The settings row's version as of this statement: see Viewer.settingsVersion. */
  settingsVersion: string;
}

const USER_COLUMNS = userColumnsSql('u', 'u_');

function permissionsSql(postgres: boolean): string {
  const keys = `SELECT p.key AS k FROM permission p WHERE u.is_admin = :yes
      UNION SELECT up.permission_key FROM user_permission up WHERE up.user_id = u.id
      UNION SELECT gp.permission_key FROM membership m JOIN group_permission gp ON gp.group_id = m.group_id
             WHERE m.user_id = u.id AND ${currentMembershipSql('m')}`;
  return postgres
    ? `(SELECT COALESCE(json_agg(x.k), '[]'::json) FROM (${keys}) x) AS "perms"`
    : `(SELECT json_group_array(x.k) FROM (${keys}) x) AS "perms"`;
}

function toRow(raw: Record<string, unknown>, credentialKeys: string[]): CredentialRow {
  const user = userFromRow(raw, 'u_');
  const perms = raw['perms'];
  const permissions = (typeof perms === 'string' ? (JSON.parse(perms) as string[]) : (perms as string[] | null) ?? []).filter((k) => k !== null).sort();
  const credential = Object.fromEntries(credentialKeys.map((k) => [k, k === 'id' ? (raw[`c_${k}`] as string) : toDate(raw[`c_${k}`])]));
  return { user, permissions, credential, accessEpoch: epochOf(raw['epoch']), settingsVersion: versionOf(raw['settings_version']) };
}

interface CredentialSource {
  table: 'api_token' | 'session';
  alias: string;
  columns: string;
  keys: string[];
}

const TOKEN: CredentialSource = {
  table: 'api_token',
  alias: 't',
  columns: 't.id AS "c_id", t.last_used_at AS "c_lastUsedAt", t.expires_at AS "c_expiresAt", t.revoked_at AS "c_revokedAt"',
  keys: ['id', 'lastUsedAt', 'expiresAt', 'revokedAt'],
};

const SESSION: CredentialSource = {
  table: 'session',
  alias: 's',
  columns: 's.last_seen_at AS "c_lastSeenAt", s.expires_at AS "c_expiresAt", s.absolute_expires_at AS "c_absoluteExpiresAt"',
  keys: ['lastSeenAt', 'expiresAt', 'absoluteExpiresAt'],
};

/** The credential statement's texts, by source, dialect and list length (see credentialsByHash). */
const texts = new Map<string, string>();

/**
 * The credentials (with user and permissions) of every hash given, in one statement. The hashes are
 * a fixed-length list of placeholders (inFixedList): the statement costs PostgreSQL more to plan
 * than to run, and with an array parameter it was planned anew on every call.
 */
async function credentialsByHash(manager: EntityManager, source: CredentialSource, hashes: readonly string[], now: Date): Promise<Map<string, CredentialRow>> {
  const postgres = manager.connection.options.type === 'postgres';
  const { alias: c } = source;
  const match = inFixedList(`${c}.token_hash`, 'h', hashes);
  // One text per source, dialect and list length, built once (rawQuery keys its work by the text).
  const key = `${source.table}:${postgres}:${match.size}`;
  let sql = texts.get(key);
  if (!sql) {
    sql = `SELECT ${c}.token_hash AS "c_hash", ${source.columns}, ${USER_COLUMNS}, ${permissionsSql(postgres)},
            ${EPOCH_SQL} AS "epoch", ${SETTINGS_VERSION_SQL} AS "settings_version"
       FROM ${source.table} ${c} JOIN user_account u ON u.id = ${c}.user_id
      WHERE ${match.sql}`;
    texts.set(key, sql);
  }
  const rows = await rawQuery<Record<string, unknown>>(manager, sql, Object.assign({ yes: true, now }, match.params), `gh_${source.table}_credentials_${match.size}`);
  return new Map(rows.map((raw) => [raw['c_hash'] as string, toRow(raw, source.keys)]));
}

/**
 * Authentication's lookup, coalesced across the requests that arrive together (db/coalesce.ts):
 * under load one statement authenticates many requests. Each answer is as of the statement, which
 * runs after every request in it arrived.
 */
function lookup(manager: EntityManager, source: CredentialSource, hash: string): Promise<CredentialRow | null> {
  return coalescer<string, CredentialRow | null>(manager.connection, `credential:${source.table}`, async (hashes) => {
    const found = await credentialsByHash(manager.connection.manager, source, [...new Set(hashes)], new Date());
    return hashes.map((h) => found.get(h) ?? null);
  }).load(hash);
}

export const tokenCredential = (manager: EntityManager, tokenHash: string): Promise<CredentialRow | null> => lookup(manager, TOKEN, tokenHash);

export const sessionCredential = (manager: EntityManager, tokenHash: string): Promise<CredentialRow | null> => lookup(manager, SESSION, tokenHash);
