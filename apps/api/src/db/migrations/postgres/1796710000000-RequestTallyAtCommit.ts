import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (PostgreSQL only; SQLite has one writer and keeps its row triggers): request_tally
// is changed as each transaction commits, as member_tally is (migration MemberTally), instead of
// row by row as requests were written. Changed at once, a group's tally row was held from a
// request's write to its transaction's commit: every approval, request or withdrawal in the same
// group waited for the one before it to commit — approvals of one busy queue ran one at a time —
// and two transactions writing two groups' requests in opposite orders could deadlock.
//
// Each statement that writes group_request notes its change in pending requests per group and kind
// (summed over its transition tables; a write that leaves them as they were notes nothing) in
// request_tally_change, under the transaction's id. As the transaction commits, a deferred trigger
// applies its notes to request_tally in (group, kind) order and removes them. Until it commits,
// a transaction reads its own notes with the tally (`pendingTallySql`, requests.repository.ts).
const sumOf = (rows: string) => `SELECT "group_id", "kind", SUM("n")::integer AS "n" FROM (${rows}) AS c GROUP BY "group_id", "kind" HAVING SUM("n") <> 0`;
const pending = (table: string, n: number) => `SELECT "group_id", "kind", ${n} AS "n" FROM "${table}" WHERE "status" = ''PENDING''`;
const noteFunction = `CREATE FUNCTION "gh_request_tally_note"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    EXECUTE 'INSERT INTO "request_tally_change" ("tx", "group_id", "kind", "pending") SELECT txid_current(), "group_id", "kind", "n" FROM ('
      || CASE TG_OP
        WHEN 'INSERT' THEN '${sumOf(pending('new_rows', 1))}'
        WHEN 'DELETE' THEN '${sumOf(pending('old_rows', -1))}'
        ELSE '${sumOf(`${pending('new_rows', 1)} UNION ALL ${pending('old_rows', -1)}`)}'
      END || ') AS s';
    RETURN NULL;
  END $$`;
const applyFunction = `CREATE FUNCTION "gh_request_tally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    change record;
  BEGIN
    IF current_setting('gatehouse.request_tally_in', true) IS NOT DISTINCT FROM txid_current()::text THEN
      RETURN NULL;
    END IF;
    PERFORM set_config('gatehouse.request_tally_in', txid_current()::text, true);
    FOR change IN SELECT "group_id", "kind", SUM("pending")::integer AS "n" FROM "request_tally_change"
        WHERE "tx" = txid_current() GROUP BY "group_id", "kind" HAVING SUM("pending") <> 0 ORDER BY "group_id", "kind" LOOP
      UPDATE "request_tally" SET "pending" = "pending" + change."n" WHERE "group_id" = change."group_id" AND "kind" = change."kind";
      IF NOT FOUND AND change."n" > 0 THEN
        INSERT INTO "request_tally" ("group_id", "kind", "pending")
          SELECT change."group_id", change."kind", change."n" WHERE EXISTS (SELECT 1 FROM "user_group" g WHERE g."id" = change."group_id")
          ON CONFLICT ("group_id", "kind") DO UPDATE SET "pending" = "request_tally"."pending" + EXCLUDED."pending";
      END IF;
    END LOOP;
    DELETE FROM "request_tally_change" WHERE "tx" = txid_current();
    RETURN NULL;
  END $$`;
// The row-by-row trigger this replaces (migration RequestTally), for `down`.
const rowFunction = `CREATE FUNCTION "gh_request_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD."status" = NEW."status" AND OLD."group_id" = NEW."group_id" AND OLD."kind" = NEW."kind" THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."status" = 'PENDING' THEN
      UPDATE "request_tally" SET "pending" = "pending" - 1 WHERE "group_id" = OLD."group_id" AND "kind" = OLD."kind";
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."status" = 'PENDING' THEN
      INSERT INTO "request_tally" ("group_id", "kind", "pending") VALUES (NEW."group_id", NEW."kind", 1)
        ON CONFLICT ("group_id", "kind") DO UPDATE SET "pending" = "request_tally"."pending" + 1;
    END IF;
    RETURN NULL;
  END $$`;

export class RequestTallyAtCommit1796710000000 implements MigrationInterface {
  name = 'RequestTallyAtCommit1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_request_tally" ON "group_request"`);
    await queryRunner.query(`DROP FUNCTION "gh_request_tally"()`);
    await queryRunner.query(`CREATE TABLE "request_tally_change" ("tx" bigint NOT NULL, "group_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "pending" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IX_request_tally_change" ON "request_tally_change" ("tx", "group_id")`);
    await queryRunner.query(noteFunction);
    await queryRunner.query(applyFunction);
    // Transition tables need a trigger per event, and no column list.
    await queryRunner.query(`CREATE TRIGGER "TR_request_tally_insert" AFTER INSERT ON "group_request" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "gh_request_tally_note"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_request_tally_delete" AFTER DELETE ON "group_request" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "gh_request_tally_note"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_request_tally_update" AFTER UPDATE ON "group_request" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "gh_request_tally_note"()`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER "TR_request_tally_apply" AFTER INSERT ON "request_tally_change" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "gh_request_tally_apply"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['update', 'delete', 'insert']) await queryRunner.query(`DROP TRIGGER "TR_request_tally_${event}" ON "group_request"`);
    await queryRunner.query(`DROP TABLE "request_tally_change"`);
    await queryRunner.query(`DROP FUNCTION "gh_request_tally_apply"()`);
    await queryRunner.query(`DROP FUNCTION "gh_request_tally_note"()`);
    await queryRunner.query(rowFunction);
    await queryRunner.query(`CREATE TRIGGER "TR_request_tally" AFTER INSERT OR UPDATE OF "status", "group_id", "kind" OR DELETE ON "group_request" FOR EACH ROW EXECUTE FUNCTION "gh_request_tally"()`);
  }
}
