import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';

export type MembershipSource = 'OPEN_JOIN' | 'REQUEST' | 'ADDED' | 'SSO' | 'DEFAULT' | 'SCIM';

/** (user, group) is the primary key: one membership per pair, enforced by the database. */
@Entity({ name: 'membership' })
@Index('IX_membership_group', ['groupId', 'createdAt'])
@Index('IX_membership_expiry', ['expiresAt'])
// A user's current memberships read from the index alone (expiry included): the access cache's
// fill and the `resources` page read every membership of a user (see access-cache.ts).
@Index('IX_membership_user_live', ['userId', 'groupId', 'expiresAt'])
// A group's current members counted from the index alone (the directory's member counts, fifty a page).
@Index('IX_membership_group_live', ['groupId', 'expiresAt'])
export class MembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @VarcharColumn(16)
  source: MembershipSource;

  /** Who added them; a plain id so deleting that user keeps the membership. */
  @UuidColumn({ nullable: true })
  addedById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  /** After this instant the membership counts for nothing; the sweeper then removes it. */
  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  /** When the member was warned that the membership is about to expire (once). */
  @TimestampColumn({ nullable: true })
  expiryWarnedAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;
}
