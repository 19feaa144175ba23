import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { UserEntity } from '../users/user.entity';

export type Visibility = 'PRIVATE' | 'PUBLIC';

/** Something another application owns and Gatehouse guards (SPEC §1, §11). */
@Entity({ name: 'resource' })
@Index('UQ_resource_external', ['kind', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
// Every resource in page order (kind, name, id): an admin's page (everything they reach). PUBLIC
// resources have their own index, so a user's page and count read them without a scan.
@Index('IX_resource_kind_name', ['kind', 'nameKey', 'id', 'visibility'])
@Index('IX_resource_visibility', ['visibility', 'kind', 'nameKey', 'id', 'name'])
// What a user owns, in page order (see reachablePage). Both carry the name at the end, so that a page
// of ids, kinds and names is read from indexes alone.
@Index('IX_resource_owner_page', ['ownerId', 'kind', 'nameKey', 'id', 'name'])
// An access check needs only these three of a resource: with them in one index, the check (and each
// pair of a bulk check) reads the resource from the index alone, without a heap visit.
@Index('IX_resource_access_facts', ['id', 'ownerId', 'visibility'])
export class ResourceEntity {
  @IdColumn()
  id: string;

  /** A lowercase slug such as model, knowledge, tool, document. */
  @VarcharColumn(40)
  kind: string;

  /** The integration's own id, unique per kind. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @VarcharColumn(200)
  name: string;

  @VarcharColumn(200)
  nameKey: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** null once the owner's account is deleted (admins can transfer ownership). */
  @UuidColumn({ nullable: true })
  ownerId: string | null;

  @VarcharColumn(8, { default: 'PRIVATE' })
  visibility: Visibility;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;
}
