import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Keys the whole deployment shares (the unsubscribe links' HMAC key): kept in the database, so
 * every server signs and accepts the same tokens, and a restart does not invalidate mailed links.
 * Made once, on first use, by whichever server gets there first (unsubscribe-token.ts).
 */
@Entity({ name: 'server_secret' })
export class ServerSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_server_secret' })
  name: string;

  /** base64url of 32 random bytes. */
  @Column({ type: 'varchar', length: 128 })
  value: string;
}
