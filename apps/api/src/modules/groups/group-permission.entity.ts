import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PermissionEntity } from '../permissions/permission.entity';
import { GroupEntity } from './group.entity';

/** A permission a group carries: every current member holds it. */
@Entity({ name: 'group_permission' })
export class GroupPermissionEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ type: 'varchar', length: 81 })
  permissionKey: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: GroupEntity;

  @ManyToOne(() => PermissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'permission_key' })
  permission?: PermissionEntity;
}
