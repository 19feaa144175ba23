import { Check, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';
import { ResourceEntity } from './resource.entity';

export type GrantLevel = 'READ' | 'WRITE';

/**
 * Access to a resource for one principal — a user or a group, never both (CHECK). One grant per
 * (resource, principal), enforced by partial unique indexes; its level is the higher one.
 */
@Entity({ name: 'access_grant' })
@Check('CK_grant_one_principal', '("user_id" IS NULL) <> ("group_id" IS NULL)')
@Index('UQ_grant_user', ['resourceId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('UQ_grant_group', ['resourceId', 'groupId'], { unique: true, where: '"group_id" IS NOT NULL' })
// A principal's grants in page order (kind, name, id), with level and expiry: a page of what a user
// reaches reads, per group, only the first rows of this index (see reachablePage), and the reachable
// set is counted from the index alone.
// The name rides at the end so that a page of ids, kinds and names is read from the index alone.
@Index('IX_grant_user_page', ['userId', 'kind', 'nameKey', 'resourceId', 'level', 'expiresAt', 'name'])
@Index('IX_grant_group_page', ['groupId', 'kind', 'nameKey', 'resourceId', 'level', 'expiresAt', 'name'])
// A resource's grants, both kinds, with everything a check needs: checkAccess and the bulk check
// read all of them in one index-only scan (see levelFacts).
@Index('IX_grant_resource', ['resourceId', 'groupId', 'userId', 'level', 'expiresAt'])
// Grants about to expire, for the sweeper's warnings (SPEC §10, §20).
@Index('IX_grant_expiry', ['expiresAt'])
export class GrantEntity {
  @IdColumn()
  id: string;

  @UuidColumn()
  resourceId: string;

  @UuidColumn({ nullable: true })
  userId: string | null;

  @UuidColumn({ nullable: true })
  groupId: string | null;

  @VarcharColumn(8)
  level: GrantLevel;

  /**
   * Copies of the resource's kind and name_key (and name, below), so grants can be read in page order. Database
   * triggers keep them (set on insert, followed on rename; migration GrantPageOrder): no write
   * path — the services, a test's direct insert, the benchmark's bulk load — can leave them stale.
   * Application code never writes them; the default only satisfies SQLite's NOT NULL before its
   * AFTER INSERT trigger fills them.
   */
  @VarcharColumn(40, { default: '' })
  kind: string;

  @VarcharColumn(200, { default: '' })
  nameKey: string;

  /** A copy of the resource's name, kept like kind and nameKey (migration GrantPageName). */
  @VarcharColumn(200, { default: '' })
  name: string;

  @UuidColumn({ nullable: true })
  grantedById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  /** When the grantee and those who may renew it were warned that it is about to expire (once per expiry). */
  @TimestampColumn({ nullable: true })
  expiryWarnedAt: Date | null;

  @ManyToOne(() => ResourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resource_id' })
  resource?: ResourceEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;
}
