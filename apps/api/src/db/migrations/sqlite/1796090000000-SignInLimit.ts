import type { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then reviewed. Failed sign-ins are counted here, in the same table and with the same
// statements as on PostgreSQL (modules/auth/sign-in-limit.repository.ts); the index serves the
// pruning of rows whose window has ended.
export class SignInLimit1796090000000 implements MigrationInterface {
  name = 'SignInLimit1796090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_limit" ("bucket" varchar(16) NOT NULL, "key" varchar(255) NOT NULL, "failures" integer NOT NULL, "window_ends_at" datetime NOT NULL, CONSTRAINT "PK_sign_in_limit" PRIMARY KEY ("bucket", "key"))`);
    await queryRunner.query(`CREATE INDEX "IX_sign_in_limit_window_ends_at" ON "sign_in_limit" ("window_ends_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_sign_in_limit_window_ends_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_limit"`);
  }
}
