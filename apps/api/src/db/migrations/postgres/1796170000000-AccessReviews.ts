import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand, checked against the entities by `check:migrations`. Access reviews (SPEC §21,
// modules/reviews): the review, the groups under review (each marked when its decisions were
// carried out), and one item per membership at the start, unique per (review, group, user) — the
// index the items page reads in order.
export class AccessReviews1796170000000 implements MigrationInterface {
  name = 'AccessReviews1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_review" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "status" character varying(8) NOT NULL, "deadline" TIMESTAMP NOT NULL, "default_decision" character varying(8) NOT NULL, "auto_apply" boolean NOT NULL DEFAULT true, "permission_key" character varying(100), "created_by_id" uuid, "created_at" TIMESTAMP NOT NULL DEFAULT now(), "closed_at" TIMESTAMP, "closed_by_id" uuid, "reminded_at" TIMESTAMP, CONSTRAINT "PK_access_review" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_created" ON "access_review" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_status_deadline" ON "access_review" ("status", "deadline")`);
    await queryRunner.query(`CREATE TABLE "access_review_group" ("review_id" uuid NOT NULL, "group_id" uuid NOT NULL, "applied_at" TIMESTAMP, CONSTRAINT "PK_access_review_group" PRIMARY KEY ("review_id", "group_id"))`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_group_group" ON "access_review_group" ("group_id")`);
    await queryRunner.query(`CREATE TABLE "access_review_item" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "review_id" uuid NOT NULL, "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "source" character varying(16) NOT NULL, "member_since" TIMESTAMP NOT NULL, "decision" character varying(8), "decided_by_id" uuid, "decided_at" TIMESTAMP, "comment" text, "applied" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_access_review_item" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_item_group" ON "access_review_item" ("group_id")`);
    await queryRunner.query(`CREATE INDEX "IX_access_review_item_user" ON "access_review_item" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_access_review_item" ON "access_review_item" ("review_id", "group_id", "user_id")`);
    await queryRunner.query(`ALTER TABLE "access_review_group" ADD CONSTRAINT "FK_access_review_group_review" FOREIGN KEY ("review_id") REFERENCES "access_review"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "access_review_group" ADD CONSTRAINT "FK_access_review_group_group" FOREIGN KEY ("group_id") REFERENCES "user_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "access_review_item" ADD CONSTRAINT "FK_access_review_item_review" FOREIGN KEY ("review_id") REFERENCES "access_review"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "access_review_item" ADD CONSTRAINT "FK_access_review_item_group" FOREIGN KEY ("group_id") REFERENCES "user_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "access_review_item" ADD CONSTRAINT "FK_access_review_item_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "access_review_item"`);
    await queryRunner.query(`DROP TABLE "access_review_group"`);
    await queryRunner.query(`DROP TABLE "access_review"`);
  }
}
