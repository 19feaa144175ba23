import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. The same tables as on
// PostgreSQL (modules/scim): SCIM's externalId, round-tripped attributes and SCIM-deleted mark per
// account, and each SCIM group's externalId and version.
export class Scim1796130000000 implements MigrationInterface {
  name = 'Scim1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "scim_user" ("user_id" varchar NOT NULL, "external_id" varchar(255), "attributes" text NOT NULL, "deleted_at" datetime, "version" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_scim_user_user" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "PK_scim_user" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_scim_user_external_id" ON "scim_user" ("external_id") `);
    await queryRunner.query(`CREATE TABLE "scim_group" ("group_id" varchar NOT NULL, "external_id" varchar(255), "version" integer NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_scim_group_group" FOREIGN KEY ("group_id") REFERENCES "user_group" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "PK_scim_group" PRIMARY KEY ("group_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_scim_group_external_id" ON "scim_group" ("external_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_scim_group_external_id"`);
    await queryRunner.query(`DROP TABLE "scim_group"`);
    await queryRunner.query(`DROP INDEX "IX_scim_user_external_id"`);
    await queryRunner.query(`DROP TABLE "scim_user"`);
  }
}
