import type { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then reviewed. The event feed (SPEC §17: ids in commit order, modules/events/event-outbox.ts),
// the outbox of messages to send with one row per attempt (modules/outbound), and webhooks.
export class EventsWebhooks1796100000000 implements MigrationInterface {
  name = 'EventsWebhooks1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "event" ("id" SERIAL NOT NULL, "type" character varying(64) NOT NULL, "occurred_at" TIMESTAMP NOT NULL, "actor_id" uuid, "actor_label" character varying(300) NOT NULL, "data" text NOT NULL, CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_event_type" ON "event"  ("type", "id")`);
    await queryRunner.query(`CREATE TABLE "outbound_message" ("id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "ordering_key" character varying(64), "event_id" integer, "payload" text, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP, "lease_until" TIMESTAMP, "lease_owner" character varying(36), "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_53741fe5d4d5e2cb54dc4a5f446" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_target" ON "outbound_message"  ("target_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_due" ON "outbound_message"  ("status", "next_attempt_at")`);
    await queryRunner.query(`CREATE TABLE "outbound_attempt" ("id" uuid NOT NULL, "message_id" uuid NOT NULL, "target_id" uuid NOT NULL, "attempt" integer NOT NULL, "status" character varying(16) NOT NULL, "next_attempt_at" TIMESTAMP, "attempted_at" TIMESTAMP, "status_code" integer, "duration_ms" integer, "error" character varying(1000), "response" character varying(1024), "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_85d4e9cd681268f3dec4ef76dc2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_attempt_message" ON "outbound_attempt"  ("message_id")`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_attempt_target" ON "outbound_attempt"  ("target_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "url" character varying(2000) NOT NULL, "description" character varying(500) NOT NULL DEFAULT '', "event_types" text NOT NULL, "group_ids" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "secret" character varying(100) NOT NULL, "previous_secret" character varying(100), "previous_secret_until" TIMESTAMP, "event_cursor" integer NOT NULL DEFAULT '0', "last_delivery_at" TIMESTAMP, "last_http_status" integer, "failing_since" TIMESTAMP, "created_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "outbound_attempt" ADD CONSTRAINT "FK_14bc2b1276c0b05d9e383bd9785" FOREIGN KEY ("message_id") REFERENCES "outbound_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbound_attempt" DROP CONSTRAINT "FK_14bc2b1276c0b05d9e383bd9785"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP TABLE "outbound_attempt"`);
    await queryRunner.query(`DROP TABLE "outbound_message"`);
    await queryRunner.query(`DROP TABLE "event"`);
  }
}
