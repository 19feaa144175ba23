import { Column, Entity, Index } from 'typeorm';
import { IdColumn, TimestampColumn, UuidColumn, VarcharColumn, type JsonObject } from '../../db/columns';

/**
 * Append-only record of a change. No foreign keys and copied labels: rows outlive the users,
 * groups and resources they name (SPEC §9).
 */
@Entity({ name: 'audit_event' })
@Index('IX_audit_time', ['occurredAt', 'id'])
@Index('IX_audit_group', ['groupId', 'occurredAt'])
@Index('IX_audit_user', ['userId', 'occurredAt'])
@Index('IX_audit_actor', ['actorId', 'occurredAt'])
export class AuditEventEntity {
  @IdColumn()
  id: string;

  @TimestampColumn()
  occurredAt: Date;

  @VarcharColumn(64)
  action: string;

  /** null = the system itself. */
  @UuidColumn({ nullable: true })
  actorId: string | null;

  @VarcharColumn(300)
  actorLabel: string;

  @UuidColumn({ nullable: true })
  groupId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  groupLabel: string | null;

  @UuidColumn({ nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userLabel: string | null;

  @UuidColumn({ nullable: true })
  resourceId: string | null;

  @Column({ type: 'simple-json' })
  details: JsonObject;
}
