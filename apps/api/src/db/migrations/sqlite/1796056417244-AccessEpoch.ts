import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM does not manage triggers; no entity changed). The access epoch counts
// transactions that change who can reach what (see the PostgreSQL migration). SQLite has one writer
// at a time and only row triggers, so each changed row increments it at once; the cache needs only
// that the number differs after any such change. As there, columns that cannot change an answer
// do not count. A later migration that rebuilds one of these
// tables (TypeORM's temporary_ table) drops its triggers with the old table and must create them again.
const TRIGGERS: [name: string, event: string][] = [
  ['grant_insert', 'INSERT ON "access_grant"'],
  ['grant_update', 'UPDATE OF "resource_id", "user_id", "group_id", "level", "expires_at" ON "access_grant"'],
  ['grant_delete', 'DELETE ON "access_grant"'],
  ['membership_insert', 'INSERT ON "membership"'],
  ['membership_update', 'UPDATE OF "user_id", "group_id", "expires_at" ON "membership"'],
  ['membership_delete', 'DELETE ON "membership"'],
  ['resource_update', 'UPDATE OF "owner_id", "visibility" ON "resource"'],
  ['resource_delete', 'DELETE ON "resource"'],
  ['user_update', 'UPDATE OF "is_active", "is_admin" ON "user_account"'],
  ['user_delete', 'DELETE ON "user_account"'],
];

export class AccessEpoch1796056417244 implements MigrationInterface {
  name = 'AccessEpoch1796056417244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_epoch" ("id" integer PRIMARY KEY NOT NULL, "n" bigint NOT NULL, CONSTRAINT "CK_access_epoch_one_row" CHECK ("id" = 1))`);
    await queryRunner.query(`INSERT INTO "access_epoch" ("id", "n") VALUES (1, 0)`);
    for (const [name, event] of TRIGGERS) {
      await queryRunner.query(`CREATE TRIGGER "TR_${name}_access_epoch" AFTER ${event} BEGIN UPDATE "access_epoch" SET "n" = "n" + 1 WHERE "id" = 1; END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...TRIGGERS].reverse()) await queryRunner.query(`DROP TRIGGER "TR_${name}_access_epoch"`);
    await queryRunner.query(`DROP TABLE "access_epoch"`);
  }
}
