import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { UserEntity } from '../users/user.entity';

/** An API token (`Authorization: Bearer`). Stored hashed; the secret is shown once at creation. */
@Entity({ name: 'api_token' })
@Index('IX_api_token_user', ['userId'])
export class ApiTokenEntity {
  @IdColumn()
  id: string;

  @UuidColumn()
  userId: string;

  @VarcharColumn(100)
  name: string;

  /** SHA-256 of the secret, hex; unique, so lookup by hash is one index probe. */
  @Index('UQ_api_token_hash', { unique: true })
  @VarcharColumn(64)
  tokenHash: string;

  /** The first characters of the secret, so a person can tell their tokens apart. */
  @VarcharColumn(16)
  prefix: string;

  @UuidColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  lastUsedAt: Date | null;

  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
