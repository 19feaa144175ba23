import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. The same tables as on
// PostgreSQL: each person's email choices per notification kind, and the deployment-wide keys
// (the unsubscribe links' HMAC key, made on first use).
export class EmailNotifications1796120000000 implements MigrationInterface {
  name = 'EmailNotifications1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" varchar NOT NULL, "kind" varchar(32) NOT NULL, "email" boolean NOT NULL, CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "server_secret" ("name" varchar(64) NOT NULL, "value" varchar(128) NOT NULL, CONSTRAINT "PK_server_secret" PRIMARY KEY ("name"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_secret"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
  }
}
