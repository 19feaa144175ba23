import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from './group.entity';

/** A leader group of a group: its direct, current members lead the group (not transitively). */
@Entity({ name: 'group_leader_group' })
@Index('IX_group_leader_group_leader', ['leaderGroupId'])
export class GroupLeaderGroupEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ type: 'uuid' })
  leaderGroupId: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'leader_group_id' })
  leaderGroup?: GroupEntity;
}
