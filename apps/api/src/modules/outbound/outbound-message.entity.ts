import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UuidColumn, VarcharColumn, type JsonObject } from '../../db/columns';

export type OutboundChannel = 'WEBHOOK' | 'EMAIL';
/** PENDING: not tried yet; RETRYING: tried, failed, tried again later; then SUCCEEDED or FAILED. */
export type OutboundStatus = 'PENDING' | 'RETRYING' | 'SUCCEEDED' | 'FAILED';

/**
 * One message to send to the outside (a webhook delivery, an email), written in the transaction of
 * the change that caused it (an outbox), sent after commit by whichever server claims it
 * (outbound.worker.ts). The id is made by the writer, so the first attempt row can name it in the
 * same statement batch.
 */
@Entity({ name: 'outbound_message' })
@Index('IX_outbound_due', ['status', 'nextAttemptAt'])
@Index('IX_outbound_target', ['targetId', 'createdAt'])
export class OutboundMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @VarcharColumn(16)
  channel: OutboundChannel;

  /** The webhook, or the user an email goes to. */
  @UuidColumn()
  targetId: string;

  /** Messages with one key go out one at a time, in `eventId` order (a webhook's events). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  orderingKey: string | null;

  /** The event a webhook delivery carries (commit order); null for an email or a test delivery. */
  @Column({ type: 'integer', nullable: true })
  eventId: number | null;

  /** What the channel needs beyond the event (an email's rendered parts, a test event's body). */
  @Column({ type: 'simple-json', nullable: true })
  payload: JsonObject | null;

  @VarcharColumn(16)
  status: OutboundStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When the next attempt is due; null once SUCCEEDED or FAILED. */
  @TimestampColumn({ nullable: true })
  nextAttemptAt: Date | null;

  /** A claim: the server holding `leaseOwner` is sending it until then (a crashed server's lapses). */
  @TimestampColumn({ nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
