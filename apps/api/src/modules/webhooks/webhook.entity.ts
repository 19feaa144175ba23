import { Column, Entity } from 'typeorm';
import { BoolColumn, CreatedAtColumn, IdColumn, TimestampColumn, VarcharColumn } from '../../db/columns';

/** An admin's registered endpoint (SPEC §17). */
@Entity({ name: 'webhook' })
export class WebhookEntity {
  @IdColumn()
  id: string;

  @VarcharColumn(2000)
  url: string;

  @VarcharColumn(500, { default: '' })
  description: string;

  /** Event types delivered; empty = all. */
  @Column({ type: 'simple-json' })
  eventTypes: string[];

  /** Only events naming one of these groups; empty = all. */
  @Column({ type: 'simple-json' })
  groupIds: string[];

  @BoolColumn(true)
  enabled: boolean;

  /** `whsec_…`: signs every delivery. Shown once, when made. */
  @VarcharColumn(100)
  secret: string;

  /** The secret before the last rotation: it signs beside the new one until `previousSecretUntil`. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  previousSecret: string | null;

  @TimestampColumn({ nullable: true })
  previousSecretUntil: Date | null;

  /** Its place in the event feed: deliveries have been made for every event up to here (webhook-dispatch.ts). */
  @Column({ type: 'integer', default: 0 })
  eventCursor: number;

  @TimestampColumn({ nullable: true })
  lastDeliveryAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  lastHttpStatus: number | null;

  /** Since when every attempt has failed (null after a success); 5 days of it disables the endpoint. */
  @TimestampColumn({ nullable: true })
  failingSince: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
