import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn, UuidColumn, VarcharColumn, type JsonObject } from '../../db/columns';

/**
 * Append-only record of a change. No foreign keys and copied labels: rows outlive the users,
 * groups and resources they name (SPEC §9).
 */
@Entity({ name: 'audit_event' })
@Index('IX_audit_time', ['occurredAt'])
@Index('IX_audit_group', ['groupId', 'occurredAt'])
@Index('IX_audit_user', ['userId', 'occurredAt'])
@Index('IX_audit_actor', ['actorId', 'occurredAt'])
export class AuditEventEntity {
  /**
   * A sequence, not a UUID: ids follow insertion order, so rows written in one transaction (same
   * timestamp) still list in the order they happened, and paging by id is stable. `integer` on
   * both dialects (SQLite allows AUTOINCREMENT only there): ~2.1 billion events.
   */
  @PrimaryGeneratedColumn('increment')
  id: number;

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

  /** The resource's name when the change was made (null for rows written before it was kept). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  resourceLabel: string | null;

  @Column({ type: 'simple-json' })
  details: JsonObject;
}
