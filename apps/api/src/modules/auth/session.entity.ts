import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UuidColumn } from '../../db/columns';
import { UserEntity } from '../users/user.entity';

/**
 * A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored, so a copy of
 * the database cannot be replayed as sessions. Deleting the row signs the browser out at once.
 */
@Entity({ name: 'session' })
@Index('IX_session_user', ['userId'])
export class SessionEntity {
  /** SHA-256 of the cookie secret, hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @UuidColumn()
  userId: string;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn()
  lastSeenAt: Date;

  /** Rolling: pushed forward as the session is used, never past `absoluteExpiresAt`. */
  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn()
  absoluteExpiresAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
