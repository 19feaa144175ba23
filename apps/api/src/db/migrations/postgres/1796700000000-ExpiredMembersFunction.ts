import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (PostgreSQL only; SQLite plans every statement anew and needs nothing): how many
// of a group's membership rows are past their expiry at `at` — the rows member_tally still counts
// until the sweeper ends them (`currentMemberCountSql`, membership.repository.ts; the rule is
// `expiredMembershipSql` in memberships/current.ts, which this body must keep to).
//
// Why a function and not the same subquery in the page's statement: a named statement is
// re-planned on every call while PostgreSQL judges its generic plan dearer than a custom one, and
// it costs `expires_at <= $n` with an unknown bound at a third of a group's rows — once per row of
// the page. A function's call is costed alike either way, and its body is planned only when it is
// called (a group whose tally counts rows with an expiry). Not inlined: it reads a table.
export class ExpiredMembersFunction1796700000000 implements MigrationInterface {
  name = 'ExpiredMembersFunction1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "gh_expired_members"("group" uuid, "at" timestamp) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT CAST(COUNT(*) AS integer) FROM "membership" mx WHERE mx."group_id" = "group" AND mx."expires_at" <= "at" $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "gh_expired_members"(uuid, timestamp)`);
  }
}
