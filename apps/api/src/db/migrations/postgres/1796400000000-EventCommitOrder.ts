import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (nothing in the entities changes): the feed's ids are now drawn inside COMMIT.
// A transaction's events are inserted with staged, negative ids (`event_stage_seq`); a deferred
// constraint trigger runs when the transaction commits, takes the event lock and gives them their
// real ids in the order they were inserted. The lock is then held only while PostgreSQL commits,
// never across a round trip to a busy server — with it taken by the last statement before COMMIT,
// every change that made events waited on the slowest server's event loop (event-outbox.ts).

/** The advisory lock of the feed's order: EVENT_LOCK_KEY in event-outbox.ts. */
const EVENT_LOCK_KEY = 74_657_001;

const orderFunction = `CREATE FUNCTION "gh_event_commit_order"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    -- Fires once per staged row, at COMMIT; the first firing orders them all.
    IF current_setting('gatehouse.events_ordered', true) = 'yes' THEN RETURN NULL; END IF;
    PERFORM set_config('gatehouse.events_ordered', 'yes', true);
    PERFORM pg_advisory_xact_lock(${EVENT_LOCK_KEY});
    -- Staged ids are minus a rising sequence: descending is the order of insertion. OFFSET 0
    -- keeps the sort below the nextval, so ids are drawn in that order.
    UPDATE "event" e SET "id" = s."new"
      FROM (SELECT o."id" AS "old", nextval('event_id_seq') AS "new"
              FROM (SELECT "id" FROM "event" WHERE "id" < 0 ORDER BY "id" DESC OFFSET 0) o) s
     WHERE e."id" = s."old";
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
