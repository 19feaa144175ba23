import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. What SCIM provisioning
// (SPEC §19, modules/scim) keeps beside accounts and its own groups: the identity provider's
// externalId (indexed: Okta and Entra ID filter by it), the attributes that round-trip, the
// SCIM-deleted mark, and each SCIM group's version (meta.version).
export class Scim1796130000000 implements MigrationInterface {
  name = 'Scim1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "scim_user" ("user_id" uuid NOT NULL, "external_id" character varying(255), "attributes" text NOT NULL, "deleted_at" TIMESTAMP, "version" integer NOT NULL DEFAULT 1, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_scim_user" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_scim_user_external_id" ON "scim_user" ("external_id")`);
    await queryRunner.query(`CREATE TABLE "scim_group" ("group_id" uuid NOT NULL, "external_id" character varying(255), "version" integer NOT NULL DEFAULT 1, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "updated_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_scim_group" PRIMARY KEY ("group_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_scim_group_external_id" ON "scim_group" ("external_id")`);
    await queryRunner.query(`ALTER TABLE "scim_user" ADD CONSTRAINT "FK_scim_user_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scim_group" ADD CONSTRAINT "FK_scim_group_group" FOREIGN KEY ("group_id") REFERENCES "user_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scim_group" DROP CONSTRAINT "FK_scim_group_group"`);
    await queryRunner.query(`ALTER TABLE "scim_user" DROP CONSTRAINT "FK_scim_user_user"`);
    await queryRunner.query(`DROP INDEX "public"."IX_scim_group_external_id"`);
    await queryRunner.query(`DROP TABLE "scim_group"`);
    await queryRunner.query(`DROP INDEX "public"."IX_scim_user_external_id"`);
    await queryRunner.query(`DROP TABLE "scim_user"`);
  }
}
