import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../db/columns';

/**
 * Failed sign-ins of one key (an account's email, a client address) in its current window, shared
 * by every process and server on the database (SPEC §16). Written only by the statements of
 * sign-in-limit.repository.ts; a row whose window has ended means nothing and is pruned.
 */
@Entity({ name: 'sign_in_limit' })
@Index('IX_sign_in_limit_window_ends_at', ['windowEndsAt'])
export class SignInLimitEntity {
  /** 'account' or 'address' (SignInBucket). */
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_sign_in_limit' })
  bucket: string;

  /** The lower-cased email, or the client address (an IPv6 client's /64). */
  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'PK_sign_in_limit' })
  key: string;

  /** Attempts counted in the window: failed ones, and ones still being checked. */
  @Column({ type: 'integer' })
  failures: number;

  /** The window opened with the key's first counted attempt and ends here; then the count starts again. */
  @TimestampColumn()
  windowEndsAt: Date;
}
