import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { BoolColumn, CreatedAtColumn, IdColumn, TimestampColumn, VarcharColumn } from '../../db/columns';

export type UserKind = 'HUMAN' | 'SERVICE';

@Entity({ name: 'user_account' })
// An access check needs only these of a user (see IX_resource_access_facts): read from the index alone.
@Index('IX_user_access_facts', ['id', 'isActive', 'isAdmin'])
export class UserEntity {
  @IdColumn()
  id: string;

  @VarcharColumn(254)
  email: string;

  /** Lower-cased email: uniqueness ignoring case is enforced by the database on this column. */
  @Index('UQ_user_email_key', { unique: true })
  @VarcharColumn(254)
  emailKey: string;

  @VarcharColumn(200)
  displayName: string;

  /** Lower-cased display name, for search. */
  @Index('IX_user_name_key')
  @VarcharColumn(200)
  nameKey: string;

  /** scrypt hash (see password.ts); null for service accounts and SSO-only people. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @VarcharColumn(16, { default: 'HUMAN' })
  kind: UserKind;

  @BoolColumn(true)
  isActive: boolean;

  @BoolColumn(false)
  isAdmin: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @TimestampColumn({ nullable: true })
  lastSignInAt: Date | null;
}
