import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM does not manage triggers or this table; no entity changed). The access
// epoch (AccessEpoch) says *that* access changed; this log says *what*: for each epoch, the users
// whose memberships or flags changed ('u') and the resources whose grants, owner or visibility
// changed ('r'), so the access cache (modules/access/access-cache.ts) evicts those entries
// instead of starting over. A TRUNCATE logs '*' (start over).
//
// The same deferred trigger as before bumps the epoch once per transaction, at commit, and now also
// logs each row's entity under that epoch (ON CONFLICT: an entity once per epoch). Epoch numbers
// follow commit order (the epoch row's lock), so a reader that has seen epoch N has every log row up
// to N. Rows older than the last KEEP epochs are pruned as the epoch moves; a reader further behind
// starts over. A later migration that drops or rebuilds one of the four tables must create their
// triggers again (AccessEpoch's list).
//
// The cache relies on the counter never going back (a cache ahead of a request's epoch serves it),
// so a guard refuses an update that lowers it, and a row put back (after a hand delete) at or
// below an epoch the log has seen: changes made while the row was missing were not logged, and a
// cache still at that epoch must find a step the log cannot explain, and start over.
const KEEP = 10000;

const logged = (withLog: boolean) => `CREATE OR REPLACE FUNCTION "gh_access_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      ${withLog ? 'DECLARE e bigint;' : ''}
      BEGIN
        IF current_setting('gatehouse.access_changed_in', true) IS DISTINCT FROM txid_current()::text THEN
          PERFORM set_config('gatehouse.access_changed_in', txid_current()::text, true);
          UPDATE "access_epoch" SET "n" = "n" + 1 WHERE "id" = 1${withLog ? ` RETURNING "n" INTO e;
          PERFORM set_config('gatehouse.access_epoch_now', COALESCE(e::text, ''), true);
          DELETE FROM "access_change" WHERE "epoch" <= e - ${KEEP};
        ELSE
          e := NULLIF(current_setting('gatehouse.access_epoch_now', true), '')::bigint;` : ';'}
        END IF;${withLog ? `
        -- Without the epoch's row (deleted by hand) nothing is numbered, and the cache keeps nothing.
        IF e IS NULL THEN RETURN NULL; END IF;
        IF TG_LEVEL = 'STATEMENT' THEN
          INSERT INTO "access_change" ("epoch", "kind", "id") VALUES (e, '*', NULL);
        ELSIF TG_TABLE_NAME = 'access_grant' THEN
          IF TG_OP <> 'INSERT' THEN INSERT INTO "access_change" VALUES (e, 'r', OLD."resource_id") ON CONFLICT DO NOTHING; END IF;
          IF TG_OP <> 'DELETE' THEN INSERT INTO "access_change" VALUES (e, 'r', NEW."resource_id") ON CONFLICT DO NOTHING; END IF;
        ELSIF TG_TABLE_NAME = 'membership' THEN
          IF TG_OP <> 'INSERT' THEN INSERT INTO "access_change" VALUES (e, 'u', OLD."user_id") ON CONFLICT DO NOTHING; END IF;
          IF TG_OP <> 'DELETE' THEN INSERT INTO "access_change" VALUES (e, 'u', NEW."user_id") ON CONFLICT DO NOTHING; END IF;
        ELSIF TG_TABLE_NAME = 'resource' THEN
          INSERT INTO "access_change" VALUES (e, 'r', OLD."id") ON CONFLICT DO NOTHING;
        ELSIF TG_TABLE_NAME = 'user_account' THEN
          INSERT INTO "access_change" VALUES (e, 'u', OLD."id") ON CONFLICT DO NOTHING;
        END IF;` : ''}
        RETURN NULL;
      END $$`;

export class AccessChangeLog1796070000000 implements MigrationInterface {
  name = 'AccessChangeLog1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_change" ("epoch" bigint NOT NULL, "kind" character varying(1) NOT NULL, "id" uuid, CONSTRAINT "UQ_access_change" UNIQUE ("epoch", "kind", "id"))`);
    await queryRunner.query(logged(true));
    await queryRunner.query(`CREATE FUNCTION "gh_access_epoch_forward"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'UPDATE' AND NEW."n" < OLD."n") OR (TG_OP = 'INSERT' AND NEW."n" <= COALESCE((SELECT max("epoch") FROM "access_change"), -1)) THEN
          RAISE EXCEPTION 'the access epoch never goes back (to %)', NEW."n";
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TR_access_epoch_forward" BEFORE INSERT OR UPDATE ON "access_epoch" FOR EACH ROW EXECUTE FUNCTION "gh_access_epoch_forward"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_access_epoch_forward" ON "access_epoch"`);
    await queryRunner.query(`DROP FUNCTION "gh_access_epoch_forward"()`);
    await queryRunner.query(logged(false));
    await queryRunner.query(`DROP TABLE "access_change"`);
  }
}
