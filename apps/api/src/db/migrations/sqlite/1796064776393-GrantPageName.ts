import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand from the generated one: grants carry a copy of their resource's name too (see the
// PostgreSQL migration). TypeORM would rebuild access_grant to add the column, which drops its
// triggers (GrantPageOrder's and AccessEpoch's); SQLite's own ADD COLUMN keeps the table and them.
// GrantPageOrder's triggers are replaced by ones that copy the name as well.
const copy = (withName: boolean) => `UPDATE "access_grant" SET "kind" = (SELECT r."kind" FROM "resource" r WHERE r."id" = NEW."resource_id"),
        "name_key" = (SELECT r."name_key" FROM "resource" r WHERE r."id" = NEW."resource_id")${withName ? `,
        "name" = (SELECT r."name" FROM "resource" r WHERE r."id" = NEW."resource_id")` : ''} WHERE "id" = NEW."id";`;

async function pageOrderTriggers(queryRunner: QueryRunner, withName: boolean): Promise<void> {
  await queryRunner.query(`DROP TRIGGER "TR_resource_page_order"`);
  await queryRunner.query(`DROP TRIGGER "TR_grant_page_order_update"`);
  await queryRunner.query(`DROP TRIGGER "TR_grant_page_order_insert"`);
  await queryRunner.query(`CREATE TRIGGER "TR_grant_page_order_insert" AFTER INSERT ON "access_grant" BEGIN ${copy(withName)} END`);
  await queryRunner.query(`CREATE TRIGGER "TR_grant_page_order_update" AFTER UPDATE ON "access_grant" BEGIN ${copy(withName)} END`);
  await queryRunner.query(`CREATE TRIGGER "TR_resource_page_order" AFTER UPDATE OF "kind", "name_key"${withName ? ', "name"' : ''} ON "resource" BEGIN
        UPDATE "access_grant" SET "kind" = NEW."kind", "name_key" = NEW."name_key"${withName ? ', "name" = NEW."name"' : ''} WHERE "resource_id" = NEW."id"; END`);
}

export class GrantPageName1796064776393 implements MigrationInterface {
  name = 'GrantPageName1796064776393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_resource_owner_page"`);
    await queryRunner.query(`DROP INDEX "IX_resource_visibility"`);
    await queryRunner.query(`DROP INDEX "IX_grant_user_page"`);
    await queryRunner.query(`DROP INDEX "IX_grant_group_page"`);
    await queryRunner.query(`ALTER TABLE "access_grant" ADD COLUMN "name" varchar(200) NOT NULL DEFAULT ('')`);
    await pageOrderTriggers(queryRunner, true);
    await queryRunner.query(`UPDATE "access_grant" SET "name" = (SELECT r."name" FROM "resource" r WHERE r."id" = "access_grant"."resource_id")`);
    await queryRunner.query(`CREATE INDEX "IX_resource_owner_page" ON "resource" ("owner_id", "kind", "name_key", "id", "name") `);
    await queryRunner.query(`CREATE INDEX "IX_resource_visibility" ON "resource" ("visibility", "kind", "name_key", "id", "name") `);
    await queryRunner.query(`CREATE INDEX "IX_grant_group_page" ON "access_grant" ("group_id", "kind", "name_key", "resource_id", "level", "expires_at", "name") `);
    await queryRunner.query(`CREATE INDEX "IX_grant_user_page" ON "access_grant" ("user_id", "kind", "name_key", "resource_id", "level", "expires_at", "name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_grant_user_page"`);
    await queryRunner.query(`DROP INDEX "IX_grant_group_page"`);
    await queryRunner.query(`DROP INDEX "IX_resource_visibility"`);
    await queryRunner.query(`DROP INDEX "IX_resource_owner_page"`);
    await pageOrderTriggers(queryRunner, false);
    await queryRunner.query(`ALTER TABLE "access_grant" DROP COLUMN "name"`);
    await queryRunner.query(`CREATE INDEX "IX_grant_group_page" ON "access_grant" ("group_id", "kind", "name_key", "resource_id", "level", "expires_at") `);
    await queryRunner.query(`CREATE INDEX "IX_grant_user_page" ON "access_grant" ("user_id", "kind", "name_key", "resource_id", "level", "expires_at") `);
    await queryRunner.query(`CREATE INDEX "IX_resource_visibility" ON "resource" ("visibility", "kind", "name_key", "id") `);
    await queryRunner.query(`CREATE INDEX "IX_resource_owner_page" ON "resource" ("owner_id", "kind", "name_key", "id") `);
  }
}
