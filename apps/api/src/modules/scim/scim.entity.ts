import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, type JsonObject } from '../../db/columns';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';

/**
 * What SCIM knows of an account beyond the account itself (SPEC §19): the identity provider's
 * `externalId`, the attributes that round-trip as given (`name`, `emails`, the enterprise
 * extension), and whether SCIM deleted it. A row exists only for accounts SCIM has written; every
 * other human account is still visible to SCIM, with nothing stored here.
 */
@Entity({ name: 'scim_user' })
@Index('IX_scim_user_external_id', ['externalId'])
export class ScimUserEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_scim_user' })
  userId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  /** `name`, `emails` and the enterprise extension, as the identity provider last sent them. */
  @Column({ type: 'simple-json' })
  attributes: JsonObject;

  /**
   * Set by SCIM's DELETE: the account is deactivated and detached (404 to SCIM; its `userName`
   * answers 409) until an admin reactivates it — an active account is never SCIM-deleted.
   */
  @TimestampColumn({ nullable: true })
  deletedAt: Date | null;

  /** Bumped by every SCIM write to the account (with the account's own updatedAt: meta.version). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_scim_user_user' })
  user?: UserEntity;
}

/**
 * SCIM's own groups (source `SCIM`): the identity provider's `externalId`, and a version bumped by
 * every SCIM write to the group, its members included (the `meta.version` ETag).
 */
@Entity({ name: 'scim_group' })
@Index('IX_scim_group_external_id', ['externalId'])
export class ScimGroupEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_scim_group' })
  groupId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_scim_group_group' })
  group?: GroupEntity;
}
