import type { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then reviewed. The event feed (SPEC §17: ids in commit order, modules/events/event-outbox.ts),
// the outbox of messages to send with one row per attempt (modules/outbound), and webhooks.
export class EventsWebhooks1796100000000 implements MigrationInterface {
  name = 'EventsWebhooks1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "occurred_at" datetime NOT NULL, "actor_id" varchar, "actor_label" varchar(300) NOT NULL, "data" text NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IX_event_type" ON "event" ("type", "id")`);
    await queryRunner.query(`CREATE TABLE "outbound_message" ("id" varchar PRIMARY KEY NOT NULL, "channel" varchar(16) NOT NULL, "target_id" varchar NOT NULL, "ordering_key" varchar(64), "event_id" integer, "payload" text, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime, "lease_until" datetime, "lease_owner" varchar(36), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_target" ON "outbound_message" ("target_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_due" ON "outbound_message" ("status", "next_attempt_at")`);
    await queryRunner.query(`CREATE TABLE "outbound_attempt" ("id" varchar PRIMARY KEY NOT NULL, "message_id" varchar NOT NULL, "target_id" varchar NOT NULL, "attempt" integer NOT NULL, "status" varchar(16) NOT NULL, "next_attempt_at" datetime, "attempted_at" datetime, "status_code" integer, "duration_ms" integer, "error" varchar(1000), "response" varchar(1024), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_14bc2b1276c0b05d9e383bd9785" FOREIGN KEY ("message_id") REFERENCES "outbound_message" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_attempt_message" ON "outbound_attempt" ("message_id")`);
    await queryRunner.query(`CREATE INDEX "IX_outbound_attempt_target" ON "outbound_attempt" ("target_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "webhook" ("id" varchar PRIMARY KEY NOT NULL, "url" varchar(2000) NOT NULL, "description" varchar(500) NOT NULL DEFAULT (''), "event_types" text NOT NULL, "group_ids" text NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "secret" varchar(100) NOT NULL, "previous_secret" varchar(100), "previous_secret_until" datetime, "event_cursor" integer NOT NULL DEFAULT (0), "last_delivery_at" datetime, "last_http_status" integer, "failing_since" datetime, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP TABLE "outbound_attempt"`);
    await queryRunner.query(`DROP TABLE "outbound_message"`);
    await queryRunner.query(`DROP TABLE "event"`);
  }
}
