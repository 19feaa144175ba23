import { SettingEntity } from '../modules/settings/setting.entity';

/** Every entity the data source maps. A new entity is added here and gets a migration per dialect. */
export const ENTITIES = [SettingEntity];
