import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from '../../db/columns';

/**
 * One row per settings section (SPEC §13), its value a JSON document. Sections are read whole and
 * written whole inside the mutation's transaction, so a reader never sees half an update.
 */
@Entity({ name: 'setting' })
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'simple-json' })
  value: JsonObject;

  @UpdateDateColumn()
  updatedAt: Date;
}
