import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, IdColumn, UuidColumn, VarcharColumn, type JsonObject } from '../../db/columns';

export type Shareable = 'NOBODY' | 'MEMBERS' | 'ANYONE';
/** SCIM: created by an identity provider through SCIM (SPEC §19); only SCIM changes its SCIM-made memberships. */
export type GroupSource = 'MANUAL' | 'SSO' | 'SCIM';
/** The two groups Gatehouse creates itself and never lets anyone delete or rename. */
export type BuiltInGroup = 'SYSTEM' | 'MEMBER';

@Entity({ name: 'user_group' })
export class GroupEntity {
  @IdColumn()
  id: string;

  @VarcharColumn(100)
  name: string;

  /** Trimmed, lower-cased name: names are unique ignoring case, enforced on this column. */
  @Index('UQ_group_name_key', { unique: true })
  @VarcharColumn(100)
  nameKey: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @BoolColumn(true)
  internal: boolean;

  @BoolColumn(false)
  hidden: boolean;

  @BoolColumn(false)
  open: boolean;

  @BoolColumn(false)
  public: boolean;

  @BoolColumn(false)
  restricted: boolean;

  /** Only the built-in System group: its members are service accounts. */
  @BoolColumn(false)
  system: boolean;

  @Index('UQ_group_built_in', { unique: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  builtIn: BuiltInGroup | null;

  @VarcharColumn(16, { default: 'MEMBERS' })
  shareable: Shareable;

  @Column({ type: 'integer', nullable: true })
  maxMembers: number | null;

  @Column({ type: 'simple-json' })
  metadata: JsonObject;

  @VarcharColumn(16, { default: 'MANUAL' })
  source: GroupSource;

  /** Who created it; a plain id (no foreign key) so deleting that user leaves the group alone. */
  @UuidColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
