import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM does not manage triggers; no entity changed). The access epoch is a
// counter that every transaction changing who can reach what increments exactly once, at commit:
// grants, memberships, a resource's owner or visibility, a user's active or admin flag, and
// deletions of any of them (cascades included). Columns that cannot change an answer (a grant's
// copy of its resource's name, a membership's expiry warning) do not count, so a rename or the
// sweeper's warnings leave the cache alone. The bulk check's cache of access facts
// (modules/access/access-cache.ts) is valid only while the epoch it was read at is the current one.
//
// The increment is a DEFERRABLE INITIALLY DEFERRED constraint trigger, so it runs as the transaction
// commits and the epoch row is locked only from then to the commit itself: a transaction never
// holds that lock while it waits for another lock, so the counter cannot take part in a deadlock.
// A transaction-local setting makes the many row events of one transaction cost one increment.
// A later migration that drops or rebuilds one of these tables must create its triggers again.
const TABLES: [table: string, events: string][] = [
  ['access_grant', 'INSERT OR UPDATE OF "resource_id", "user_id", "group_id", "level", "expires_at" OR DELETE'],
  ['membership', 'INSERT OR UPDATE OF "user_id", "group_id", "expires_at" OR DELETE'],
  ['resource', 'UPDATE OF "owner_id", "visibility" OR DELETE'],
  ['user_account', 'UPDATE OF "is_active", "is_admin" OR DELETE'],
];

export class AccessEpoch1796056417244 implements MigrationInterface {
  name = 'AccessEpoch1796056417244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_epoch" ("id" integer NOT NULL, "n" bigint NOT NULL, CONSTRAINT "PK_access_epoch" PRIMARY KEY ("id"), CONSTRAINT "CK_access_epoch_one_row" CHECK ("id" = 1))`);
    await queryRunner.query(`INSERT INTO "access_epoch" ("id", "n") VALUES (1, 0)`);
    await queryRunner.query(`CREATE FUNCTION "gh_access_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('gatehouse.access_changed_in', true) IS DISTINCT FROM txid_current()::text THEN
          PERFORM set_config('gatehouse.access_changed_in', txid_current()::text, true);
          UPDATE "access_epoch" SET "n" = "n" + 1 WHERE "id" = 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, events] of TABLES) {
      await queryRunner.query(`CREATE CONSTRAINT TRIGGER "TR_${table}_access_epoch" AFTER ${events} ON "${table}"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "gh_access_changed"()`);
      // TRUNCATE has no row events (and no constraint triggers): it counts at once.
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_access_epoch_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "gh_access_changed"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of [...TABLES].reverse()) {
      await queryRunner.query(`DROP TRIGGER "TR_${table}_access_epoch_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "TR_${table}_access_epoch" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "gh_access_changed"()`);
    await queryRunner.query(`DROP TABLE "access_epoch"`);
  }
}
