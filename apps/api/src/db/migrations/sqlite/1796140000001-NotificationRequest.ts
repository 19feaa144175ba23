import type { MigrationInterface, QueryRunner } from 'typeorm';

// A notification that asks its reader to decide a request names the request, so that deciding it
// (by anyone) marks every approver's copy read: nobody is left with an unread task that is done.
export class NotificationRequest1796140000001 implements MigrationInterface {
  name = 'NotificationRequest1796140000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD COLUMN "request_id" varchar`);
    await queryRunner.query(`CREATE INDEX "IX_notification_request" ON "notification" ("request_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_notification_request"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "request_id"`);
  }
}
