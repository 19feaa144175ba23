import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../db/columns';
import { SettingEntity } from './setting.entity';
import { SETTINGS_KEY, withDefaults, type SettingsModel } from './settings.model';

/** Reads the settings document (defaults filled in). Inside a transaction, reads what it will write. */
export async function readSettings(manager: EntityManager): Promise<SettingsModel> {
  const row = await manager.findOne(SettingEntity, { where: { key: SETTINGS_KEY } });
  return withDefaults(row?.value as Partial<SettingsModel> | undefined);
}

export async function writeSettings(tx: EntityManager, settings: SettingsModel): Promise<void> {
  await tx.upsert(SettingEntity, { key: SETTINGS_KEY, value: settings as unknown as JsonObject }, ['key']);
}
