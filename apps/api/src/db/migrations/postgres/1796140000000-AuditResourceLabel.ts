import type { MigrationInterface, QueryRunner } from 'typeorm';

// Audit rows name their resource (a copied label, like the user and group labels), so the log and
// its CSV say which resource a grant or resource event was about, also after the resource is gone.
// Rows written before keep what can still be known: the name of a resource that still exists.
export class AuditResourceLabel1796140000000 implements MigrationInterface {
  name = 'AuditResourceLabel1796140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "resource_label" character varying(300)`);
    await queryRunner.query(
      `UPDATE "audit_event" AS "e" SET "resource_label" = "r"."name" FROM "resource" "r" WHERE "r"."id" = "e"."resource_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "resource_label"`);
  }
}
