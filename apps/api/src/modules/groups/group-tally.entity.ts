import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a group stands in the directory: listed and public, listed (for `groups.request`), or not listed. */
export type GroupCategory = 'PUBLIC' | 'LISTED' | 'UNLISTED';

/**
 * How many groups there are in each directory category. Kept by database triggers on user_group
 * (migration GroupTally), so every write counts — the services', SCIM's, SSO's — and read by the
 * directory for its total instead of counting every visible group on every page
 * (directory.repository.ts). Its three rows are made by the migration; no code writes it.
 */
@Entity({ name: 'group_tally' })
export class GroupTallyEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  category: GroupCategory;

  @Column({ type: 'integer', default: 0 })
  groups: number;
}
