import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { GroupEntity } from '../groups/group.entity';
import { UserEntity } from '../users/user.entity';

export type RequestKind = 'JOIN' | 'LEAVE' | 'EXTEND';
export type RequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'CANCELLED';

/**
 * A join, leave or extension request (SPEC §1, §4–§6, §20). Kept as history after it is decided. At most one
 * PENDING request per (user, group): a partial unique index, so the database settles races.
 */
@Entity({ name: 'group_request' })
@Index('UQ_request_one_pending', ['userId', 'groupId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('IX_request_group_status', ['groupId', 'status', 'createdAt', 'id'])
@Index('IX_request_user', ['userId', 'createdAt'])
export class GroupRequestEntity {
  @IdColumn()
  id: string;

  @VarcharColumn(8)
  kind: RequestKind;

  @VarcharColumn(16)
  status: RequestStatus;

  @UuidColumn()
  userId: string;

  @UuidColumn()
  groupId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  /** A plain id: the decider's account may be deleted later; the audit log keeps the name. */
  @UuidColumn({ nullable: true })
  decidedById: string | null;

  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;

  /** EXTEND requests: the expiry asked for; approving sets exactly this (SPEC §20). */
  @TimestampColumn({ nullable: true })
  requestedUntil: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;
}
