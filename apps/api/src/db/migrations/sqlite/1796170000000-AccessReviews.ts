import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. The same tables as on
// PostgreSQL (modules/reviews): reviews, the groups under review, one item per membership at the start.
export class AccessReviews1796170000000 implements MigrationInterface {
  name = 'AccessReviews1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_review" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "status" varchar(8) NOT NULL, "deadline" datetime NOT NULL, "default_decision" varchar(8) NOT NULL, "auto_apply" boolean NOT NULL DEFAULT (1), "permission_key" varchar(100), "created_by_id" varchar, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "closed_at" datetime, "closed_by_id" varchar, "reminded_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_created" ON "access_review" ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IX_access_review_status_deadline" ON "access_review" ("status", "deadline") `);
    await queryRunner.query(`CREATE TABLE "access_review_group" ("review_id" varchar NOT NULL, "group_id" varchar NOT NULL, "applied_at" datetime, CONSTRAINT "FK_access_review_group_review" FOREIGN KEY ("review_id") REFERENCES "access_review" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_access_review_group_group" FOREIGN KEY ("group_id") REFERENCES "user_group" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("review_id", "group_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_group_group" ON "access_review_group" ("group_id") `);
    await queryRunner.query(`CREATE TABLE "access_review_item" ("id" varchar PRIMARY KEY NOT NULL, "review_id" varchar NOT NULL, "group_id" varchar NOT NULL, "user_id" varchar NOT NULL, "source" varchar(16) NOT NULL, "member_since" datetime NOT NULL, "decision" varchar(8), "decided_by_id" varchar, "decided_at" datetime, "comment" text, "applied" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_access_review_item_review" FOREIGN KEY ("review_id") REFERENCES "access_review" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_access_review_item_group" FOREIGN KEY ("group_id") REFERENCES "user_group" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_access_review_item_user" FOREIGN KEY ("user_id") REFERENCES "user_account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_item_group" ON "access_review_item" ("group_id") `);
    await queryRunner.query(`CREATE INDEX "IX_access_review_item_user" ON "access_review_item" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_access_review_item" ON "access_review_item" ("review_id", "group_id", "user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "access_review_item"`);
    await queryRunner.query(`DROP TABLE "access_review_group"`);
    await queryRunner.query(`DROP TABLE "access_review"`);
  }
}
