import { EventSubscriber, type DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import type { JsonObject } from '../../db/columns';
import { SettingEntity } from './setting.entity';
import { SETTINGS_KEY, withDefaults, type SettingsModel } from './settings.model';

/**
 * Settings are read on hot paths (every access check reads adminBypass), so outside transactions
 * they come from a per-database cache. It can never serve a stale value: a write marks its
 * transaction, the commit clears the cache and bumps a generation, and a read that raced a commit
 * (its generation changed while it read) is not stored.
 */
interface Cache {
  value: SettingsModel | null;
  generation: number;
}
const caches = new WeakMap<DataSource, Cache>();
const cacheOf = (ds: DataSource): Cache => {
  let cache = caches.get(ds);
  if (!cache) caches.set(ds, (cache = { value: null, generation: 0 }));
  return cache;
};

/** Reads the settings document (defaults filled in). Inside a transaction, reads what it will write. */
export async function readSettings(manager: EntityManager): Promise<SettingsModel> {
  const inTransaction = manager.queryRunner?.isTransactionActive === true;
  const cache = cacheOf(manager.connection);
  if (!inTransaction && cache.value) return cache.value;
  const generation = cache.generation;
  const row = await manager.findOne(SettingEntity, { where: { key: SETTINGS_KEY } });
  const value = withDefaults(row?.value as Partial<SettingsModel> | undefined);
  if (!inTransaction && cache.generation === generation) cache.value = value;
  return value;
}

export async function writeSettings(tx: EntityManager, settings: SettingsModel): Promise<void> {
  await tx.upsert(SettingEntity, { key: SETTINGS_KEY, value: settings as unknown as JsonObject }, ['key']);
  if (tx.queryRunner) tx.queryRunner.data = { ...tx.queryRunner.data, settingsChanged: true };
  // Cleared now too, so this process never reads the old value between write and commit from cache.
  const cache = cacheOf(tx.connection);
  cache.value = null;
  cache.generation += 1;
}

/**
 * Drops this process's cached settings. Another worker of the same server committed a change
 * (cluster/): it tells every worker before its own caller hears back (ClusterLink.settingsChanged).
 */
export function forgetSettings(ds: DataSource): void {
  const cache = cacheOf(ds);
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
      event.queryRunner.data = { ...event.queryRunner.data, settingsChanged: false };
    }
  }
}
