import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, VarcharColumn } from '../../db/columns';

/**
 * A sign-on in flight: state, nonce and PKCE verifier, kept server-side and used once. The
 * browser holds only the state, in an httpOnly cookie, so a callback is tied to the browser that
 * started it.
 */
@Entity({ name: 'oidc_login' })
export class OidcLoginEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  state: string;

  @VarcharColumn(64)
  nonce: string;

  @VarcharColumn(128)
  codeVerifier: string;

  /** Where to land in the SPA afterwards (a same-site path). */
  @Column({ type: 'varchar', length: 500, default: '/' })
  next: string;

  @CreatedAtColumn()
  createdAt: Date;
}
