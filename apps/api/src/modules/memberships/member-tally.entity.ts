import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from '../groups/group.entity';

/**
 * How many membership rows each group has, current or not, and how many of them have an expiry.
 * Kept by database triggers on membership (migration MemberTally; on PostgreSQL applied as each
 * transaction commits), so every write counts — the unit of work's, a deleted user's or group's
 * rows going with it, SCIM's bulk writes — and read, less the group's expired rows the sweeper
 * has not yet ended, as the group's member count (`currentMemberCountSql`): counting the members
 * of a large group (Member holds everyone) on every directory page grew with it. No code writes it.
 */
@Entity({ name: 'member_tally' })
export class MemberTallyEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @Column({ type: 'integer', default: 0 })
  members: number;

  /** Of those, the rows with an expiry: only a group with some can have expired rows to leave out. */
  @Column({ type: 'integer', default: 0 })
  expiring: number;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;
}
