import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (nothing in the entities changes): the feed's ids are now drawn inside COMMIT.
// A transaction's events are inserted with staged, negative ids (`event_stage_seq`); a deferred
// constraint trigger runs when the transaction commits, takes the event lock and gives each its
// real id, in the order they were inserted. The lock is then held only while PostgreSQL commits,
// never across a round trip to a busy server — with it taken by the last statement before COMMIT,
// every change that made events waited on the slowest server's event loop (event-outbox.ts).

/** The advisory lock of the feed's order ("gatehouse events"; event-outbox.ts explains it). */
const EVENT_LOCK_KEY = 74_657_001;

// Fires for each staged row, at COMMIT, in the order the rows were inserted (deferred trigger
// events fire in the order they were queued). Each firing renumbers its own row by primary key —
// a plan that never depends on the table's statistics (a range scan for "id < 0" planned as a
// sequential scan of a large feed, under the lock, held every commit up for tens of ms). The lock
// is taken by the first firing; later ones find it held (it is re-entrant).
const orderFunction = `CREATE FUNCTION "gh_event_commit_order"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(${EVENT_LOCK_KEY});
    UPDATE "event" SET "id" = nextval('event_id_seq') WHERE "id" = NEW."id";
    RETURN NULL;
  END $$`;

export class EventCommitOrder1796400000000 implements MigrationInterface {
  name = 'EventCommitOrder1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "event_stage_seq" AS integer CYCLE`);
    await queryRunner.query(orderFunction);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "TR_event_commit_order" AFTER INSERT ON "event" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."id" < 0) EXECUTE FUNCTION "gh_event_commit_order"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_event_commit_order" ON "event"`);
    await queryRunner.query(`DROP FUNCTION "gh_event_commit_order"()`);
    await queryRunner.query(`DROP SEQUENCE "event_stage_seq"`);
  }
}
