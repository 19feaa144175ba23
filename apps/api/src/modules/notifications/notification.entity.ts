import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { UserEntity } from '../users/user.entity';

/** An in-app message to one user (SPEC §10). */
@Entity({ name: 'notification' })
@Index('IX_notification_user', ['userId', 'createdAt'])
@Index('IX_notification_request', ['requestId'])
export class NotificationEntity {
  @IdColumn()
  id: string;

  @UuidColumn()
  userId: string;

  @VarcharColumn(200)
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Where in the SPA it points (e.g. /groups/{id}, /queue). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** The request this asks its reader to decide: deciding it (by anyone) marks it read. */
  @UuidColumn({ nullable: true })
  requestId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  readAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
