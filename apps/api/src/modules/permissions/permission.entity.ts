import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn } from '../../db/columns';

/** The permission catalog: built-in keys (seeded by migration) and admins' own `area.verb` keys. */
@Entity({ name: 'permission' })
export class PermissionEntity {
  @PrimaryColumn({ type: 'varchar', length: 81 })
  key: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @BoolColumn(false)
  builtIn: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}
