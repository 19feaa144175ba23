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

  /**
   * Moves on every write; servers compare it with what they cached (settings.repository.ts), so a
   * change made through any server is seen by every other on the next request.
   */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
