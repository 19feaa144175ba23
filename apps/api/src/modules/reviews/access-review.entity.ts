import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { GroupEntity } from '../groups/group.entity';
import type { MembershipSource } from '../memberships/membership.entity';
import { UserEntity } from '../users/user.entity';

export type ReviewDecision = 'KEEP' | 'REMOVE';
export type ReviewStatus = 'OPEN' | 'CLOSED';

/**
 * An access review (SPEC §21): a recertification of some groups' memberships, open until its
 * deadline or until an admin closes it. `remindedAt`: the reviewers were reminded (once, three days
 * before the deadline). The deadline job finds due reviews by (status, deadline).
 */
@Entity({ name: 'access_review' })
@Index('IX_access_review_status_deadline', ['status', 'deadline'])
@Index('IX_access_review_created', ['createdAt', 'id'])
export class AccessReviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_access_review' })
  id: string;

  @VarcharColumn(200)
  name: string;

  @VarcharColumn(8)
  status: ReviewStatus;

  @TimestampColumn()
  deadline: Date;

  /** What an undecided item gets when the review closes. */
  @VarcharColumn(8)
  defaultDecision: ReviewDecision;

  /** Decisions are carried out when the review closes (else the review only records them). */
  @BoolColumn(true)
  autoApply: boolean;

  /** Set when the groups were chosen as "every group carrying this permission". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  permissionKey: string | null;

  /** A plain id: the starter's account may be deleted later; the audit log keeps the name. */
  @UuidColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  closedAt: Date | null;

  /** Null with a closedAt: closed by the deadline job (the system). */
  @UuidColumn({ nullable: true })
  closedById: string | null;

  @TimestampColumn({ nullable: true })
  remindedAt: Date | null;
}

/**
 * A group under review. `appliedAt`: the review's decisions for this group were carried out (one
 * transaction per group when the review closes; the deadline job finishes any a crash left).
 */
@Entity({ name: 'access_review_group' })
@Index('IX_access_review_group_group', ['groupId'])
export class AccessReviewGroupEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_access_review_group' })
  reviewId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_access_review_group' })
  groupId: string;

  @TimestampColumn({ nullable: true })
  appliedAt: Date | null;

  /**
   * The group's items, counted when the review starts: items are never added or removed after it,
   * so the items page totals from these instead of counting thousands of rows per page.
   */
  @Column({ type: 'integer', default: 0 })
  itemCount: number;

  @ManyToOne(() => AccessReviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'FK_access_review_group_review' })
  review?: AccessReviewEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_access_review_group_group' })
  group?: GroupEntity;
}

/**
 * One membership as it was when the review started (its source and start: a membership that ended,
 * or was ended and made again, no longer matches and is skipped at close), and the decision on it.
 * Paged by (review, group, user): the unique index serves the items page of a 10,000-member group.
 */
@Entity({ name: 'access_review_item' })
@Index('UQ_access_review_item', ['reviewId', 'groupId', 'userId'], { unique: true })
@Index('IX_access_review_item_user', ['userId'])
@Index('IX_access_review_item_group', ['groupId'])
export class AccessReviewItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_access_review_item' })
  id: string;

  @UuidColumn()
  reviewId: string;

  @UuidColumn()
  groupId: string;

  @UuidColumn()
  userId: string;

  @VarcharColumn(16)
  source: MembershipSource;

  /** The membership's createdAt, copied. */
  @TimestampColumn()
  memberSince: Date;

  @Column({ type: 'varchar', length: 8, nullable: true })
  decision: ReviewDecision | null;

  /** Null with a decision: the review's default, given when it closed. */
  @UuidColumn({ nullable: true })
  decidedById: string | null;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The decision was carried out when the review closed (false: skipped, or not applied). */
  @BoolColumn(false)
  applied: boolean;

  @ManyToOne(() => AccessReviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'FK_access_review_item_review' })
  review?: AccessReviewEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'FK_access_review_item_group' })
  group?: GroupEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_access_review_item_user' })
  user?: UserEntity;
}
