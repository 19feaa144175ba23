import { EventSubscriber, type DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { coalescer } from '../../db/coalesce';
import type { JsonObject } from '../../db/columns';
import { SettingEntity } from './setting.entity';
import { SETTINGS_KEY, withDefaults, type SettingsModel } from './settings.model';

/**
 * Settings are read on hot paths (every access check reads adminBypass), so outside transactions
 * they come from a per-process cache. It can never serve a stale value, whichever server wrote:
 * every write bumps the row's `version`, and the cache is used only for a request that knows the
 * version as of its own arrival and finds the cache at that version. Authentication reads the
 * version in the credential statement (Viewer.settingsVersion), so an authenticated request pays
 * nothing for the check; a request without it reads the row itself (one statement, coalesced
 * across the requests that arrive together, db/coalesce.ts).
 *
 * Within this process, a write also clears the cache and bumps a generation at commit, and a read
 * that raced a commit (its generation changed while it read) is not stored.
 */
interface Cache {
  value: SettingsModel | null;
  /** The row's version the value was read at (`versionOf`). */
  version: string | null;
  generation: number;
}
const caches = new WeakMap<DataSource, Cache>();
const cacheOf = (ds: DataSource): Cache => {
  let cache = caches.get(ds);
  if (!cache) caches.set(ds, (cache = { value: null, version: null, generation: 0 }));
  return cache;
};

/**
 * The version as the credential statement and `readRow` report it. Without a row (never written,
 * or deleted by hand) the defaults apply: a version of its own, unequal to any number.
 */
export const versionOf = (raw: unknown): string => (raw === null || raw === undefined ? 'none' : String(raw));

/** SQL for the settings version, as a scalar subquery (the credential statement selects it). */
export const SETTINGS_VERSION_SQL = `(SELECT st.version FROM setting st WHERE st.key = '${SETTINGS_KEY}')`;

interface Read {
  value: SettingsModel;
  version: string;
}

async function readRow(manager: EntityManager): Promise<Read> {
  const row = await manager.findOne(SettingEntity, { where: { key: SETTINGS_KEY } });
  return { value: withDefaults(row?.value as Partial<SettingsModel> | undefined), version: versionOf(row?.version) };
}

/** The row as of a statement sent after the request arrived, shared by the requests that arrive together. */
function readRowNow(manager: EntityManager): Promise<Read> {
  return coalescer<0, Read>(manager.connection, 'settings', async (keys) => {
    const read = await readRow(manager.connection.manager);
    return keys.map(() => read);
  }).load(0);
}

/**
 * Reads the settings document (defaults filled in). Inside a transaction, reads what it will
 * write. Outside one, `asOf` is the version the request saw at authentication
 * (Viewer.settingsVersion); without it the version is read now.
 */
export async function readSettings(manager: EntityManager, asOf?: string): Promise<SettingsModel> {
  if (manager.queryRunner?.isTransactionActive === true) return (await readRow(manager)).value;
  const cache = cacheOf(manager.connection);
  if (asOf !== undefined && cache.value && cache.version === asOf) return cache.value;
  const generation = cache.generation;
  const read = asOf === undefined ? await readRowNow(manager) : await readRow(manager);
  if (cache.generation === generation) {
    cache.value = read.value;
    cache.version = read.version;
  }
  return read.value;
}

export async function writeSettings(tx: EntityManager, settings: SettingsModel): Promise<void> {
  await tx.upsert(SettingEntity, { key: SETTINGS_KEY, value: settings as unknown as JsonObject }, ['key']);
  // Every server's cache checks this before answering from what it holds (see the top of the file).
  await tx.increment(SettingEntity, { key: SETTINGS_KEY }, 'version', 1);
  if (tx.queryRunner) tx.queryRunner.data = Object.assign({}, tx.queryRunner.data, { settingsChanged: true });
  // Cleared now too, so this process never reads the old value between write and commit from cache.
  const cache = cacheOf(tx.connection);
  cache.value = null;
  cache.generation += 1;
}

@EventSubscriber()
export class SettingsCacheSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.settle(event);
  }

  /** Also on rollback: on SQLite a read during the transaction may have cached what never committed. */
  afterTransactionRollback(event: TransactionCommitEvent): void {
    this.settle(event);
  }

  private settle(event: TransactionCommitEvent): void {
    if ((event.queryRunner.data as { settingsChanged?: boolean } | undefined)?.settingsChanged) {
      const cache = cacheOf(event.queryRunner.connection);
      cache.value = null;
      cache.generation += 1;
      event.queryRunner.data = Object.assign({}, event.queryRunner.data, { settingsChanged: false });
    }
  }
}
