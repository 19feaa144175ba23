import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UuidColumn } from '../../db/columns';
import { UserEntity } from '../users/user.entity';

/** A user's identity at an OpenID provider: (issuer, subject) finds the user at each sign-on. */
@Entity({ name: 'sso_identity' })
@Index('IX_sso_identity_user', ['userId'])
export class SsoIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  issuer: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject: string;

  @UuidColumn()
  userId: string;

  @CreatedAtColumn()
  createdAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}
