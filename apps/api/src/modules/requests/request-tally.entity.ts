import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from '../groups/group.entity';
import type { RequestKind } from './group-request.entity';

/**
 * How many requests of each kind a group has pending. Kept by database triggers on group_request
 * (migration RequestTally), so every write counts — the service's, a cascade's, a deleted user's —
 * and read by the leader's queue for its total instead of counting a long queue on every page
 * (requests.repository.ts). No code writes it.
 */
@Entity({ name: 'request_tally' })
export class RequestTallyEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: RequestKind;

  @Column({ type: 'integer', default: 0 })
  pending: number;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;
}
