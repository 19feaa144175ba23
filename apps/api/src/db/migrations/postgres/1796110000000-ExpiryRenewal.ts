import type { MigrationInterface, QueryRunner } from 'typeorm';

// Renewing expiry (SPEC §20): an EXTEND request carries the expiry it asks for, and a grant about to
// expire is warned once (like a membership), found by its expiry.
export class ExpiryRenewal1796110000000 implements MigrationInterface {
  name = 'ExpiryRenewal1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "group_request" ADD "requested_until" TIMESTAMP`);
    await queryRunner.query(`ALTER TABLE "access_grant" ADD "expiry_warned_at" TIMESTAMP`);
    await queryRunner.query(`CREATE INDEX "IX_grant_expiry" ON "access_grant" ("expires_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_grant_expiry"`);
    await queryRunner.query(`ALTER TABLE "access_grant" DROP COLUMN "expiry_warned_at"`);
    await queryRunner.query(`ALTER TABLE "group_request" DROP COLUMN "requested_until"`);
  }
}
