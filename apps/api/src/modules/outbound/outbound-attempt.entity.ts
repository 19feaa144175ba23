import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UuidColumn, VarcharColumn } from '../../db/columns';
import { OutboundMessageEntity, type OutboundStatus } from './outbound-message.entity';

/**
 * One attempt at sending a message, as its own row (SPEC §17: every attempt logged). The row of
 * the attempt still to come is written ahead, PENDING with its due time, so a delivery log shows
 * what waits as well as what happened.
 */
@Entity({ name: 'outbound_attempt' })
@Index('IX_outbound_attempt_target', ['targetId', 'createdAt'])
@Index('IX_outbound_attempt_message', ['messageId'])
export class OutboundAttemptEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @UuidColumn()
  messageId: string;

  @ManyToOne(() => OutboundMessageEntity, { onDelete: 'CASCADE' })
  message?: Relation<OutboundMessageEntity>;

  /** Copied from the message, so a target's log is one index scan. */
  @UuidColumn()
  targetId: string;

  /** 1 for the first attempt. */
  @Column({ type: 'integer' })
  attempt: number;

  @VarcharColumn(16)
  status: OutboundStatus;

  @TimestampColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @TimestampColumn({ nullable: true })
  attemptedAt: Date | null;

  /** The HTTP status (webhooks) or SMTP reply code (email). */
  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  /** The first 1 KB of the answer. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  response: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
