import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM does not manage triggers or this table; no entity changed). What each
// access epoch changed, so the access cache evicts only that (see the PostgreSQL migration). SQLite
// has one writer at a time and row triggers only: each changed row moves the epoch (AccessEpoch)
// and logs its user ('u') or resource ('r') under the new number. Rows older than the last KEEP
// epochs are pruned as the epoch moves. The triggers replace AccessEpoch's, with the same events.
// As there, guards refuse to move the counter back, or to put its row back at an epoch already
// logged (the cache relies on both).
const KEEP = 10000;

const TRIGGERS: [name: string, event: string, logged: string[]][] = [
  ['grant_insert', 'INSERT ON "access_grant"', [`'r', NEW."resource_id"`]],
  ['grant_update', 'UPDATE OF "resource_id", "user_id", "group_id", "level", "expires_at" ON "access_grant"', [`'r', OLD."resource_id"`, `'r', NEW."resource_id"`]],
  ['grant_delete', 'DELETE ON "access_grant"', [`'r', OLD."resource_id"`]],
  ['membership_insert', 'INSERT ON "membership"', [`'u', NEW."user_id"`]],
  ['membership_update', 'UPDATE OF "user_id", "group_id", "expires_at" ON "membership"', [`'u', OLD."user_id"`, `'u', NEW."user_id"`]],
  ['membership_delete', 'DELETE ON "membership"', [`'u', OLD."user_id"`]],
  ['resource_update', 'UPDATE OF "owner_id", "visibility" ON "resource"', [`'r', OLD."id"`]],
  ['resource_delete', 'DELETE ON "resource"', [`'r', OLD."id"`]],
  ['user_update', 'UPDATE OF "is_active", "is_admin" ON "user_account"', [`'u', OLD."id"`]],
  ['user_delete', 'DELETE ON "user_account"', [`'u', OLD."id"`]],
];

const bump = `UPDATE "access_epoch" SET "n" = "n" + 1 WHERE "id" = 1;`;

export class AccessChangeLog1796070000000 implements MigrationInterface {
  name = 'AccessChangeLog1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_change" ("epoch" bigint NOT NULL, "kind" varchar(1) NOT NULL, "id" varchar, CONSTRAINT "UQ_access_change" UNIQUE ("epoch", "kind", "id"))`);
    for (const [name, event, logged] of TRIGGERS) {
      const log = logged.map((what) => `INSERT OR IGNORE INTO "access_change" ("epoch", "kind", "id") SELECT "n", ${what} FROM "access_epoch" WHERE "id" = 1;`).join(' ');
      const prune = `DELETE FROM "access_change" WHERE "epoch" <= (SELECT "n" FROM "access_epoch" WHERE "id" = 1) - ${KEEP};`;
      await queryRunner.query(`DROP TRIGGER "TR_${name}_access_epoch"`);
      await queryRunner.query(`CREATE TRIGGER "TR_${name}_access_epoch" AFTER ${event} BEGIN ${bump} ${log} ${prune} END`);
    }
    const back = `SELECT RAISE(ABORT, 'the access epoch never goes back');`;
    await queryRunner.query(`CREATE TRIGGER "TR_access_epoch_forward" BEFORE UPDATE OF "n" ON "access_epoch" WHEN NEW."n" < OLD."n" BEGIN ${back} END`);
    await queryRunner.query(`CREATE TRIGGER "TR_access_epoch_forward_insert" BEFORE INSERT ON "access_epoch"
      WHEN NEW."n" <= COALESCE((SELECT max("epoch") FROM "access_change"), -1) BEGIN ${back} END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_access_epoch_forward_insert"`);
    await queryRunner.query(`DROP TRIGGER "TR_access_epoch_forward"`);
    for (const [name, event] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "TR_${name}_access_epoch"`);
      await queryRunner.query(`CREATE TRIGGER "TR_${name}_access_epoch" AFTER ${event} BEGIN ${bump} END`);
    }
    await queryRunner.query(`DROP TABLE "access_change"`);
  }
}
