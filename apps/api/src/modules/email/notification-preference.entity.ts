import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A person's own choice about email copies of one kind of notification (SPEC §18). Only choices
 * are stored: a kind without a row takes its default (NOTIFICATION_KIND_INFO), so a new kind or a
 * changed default reaches everyone who never chose.
 */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_preference' })
  userId: string;

  /** A NotificationKind. */
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'PK_notification_preference' })
  kind: string;

  @Column({ type: 'boolean' })
  email: boolean;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preference_user' })
  user?: UserEntity;
}
