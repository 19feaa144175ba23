import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn, UuidColumn, VarcharColumn, type JsonObject } from '../../db/columns';

/**
 * One event of the feed (SPEC §17). The id is the event's place in COMMIT order: ids are drawn
 * only while the transaction holds the event lock, which it keeps until it commits
 * (event-outbox.ts), so a consumer paging `id > cursor` never misses a row that commits later
 * with a smaller id. Append-only, no foreign keys: events outlive what they name.
 */
@Entity({ name: 'event' })
@Index('IX_event_type', ['type', 'id'])
export class EventEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @VarcharColumn(64)
  type: string;

  @TimestampColumn()
  occurredAt: Date;

  /** null = the system itself. */
  @UuidColumn({ nullable: true })
  actorId: string | null;

  @VarcharColumn(300)
  actorLabel: string;

  /** `{ group?, user?, resource?, principal?, cause?, before?, after?, … }`, each object `{ id, label }`. */
  @Column({ type: 'simple-json' })
  data: JsonObject;
}
