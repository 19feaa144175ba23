import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. Email copies of
// notifications (SPEC §18): each person's choices per kind (a kind without a row takes its
// default), and the deployment-wide keys (the unsubscribe links' HMAC key, made on first use).
export class EmailNotifications1796120000000 implements MigrationInterface {
  name = 'EmailNotifications1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "email" boolean NOT NULL, CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "server_secret" ("name" character varying(64) NOT NULL, "value" character varying(128) NOT NULL, CONSTRAINT "PK_server_secret" PRIMARY KEY ("name"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_secret"`);
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_notification_preference_user"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
  }
}
