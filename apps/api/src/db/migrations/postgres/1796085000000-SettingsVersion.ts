import type { MigrationInterface, QueryRunner } from 'typeorm';

// The settings row's version: every write moves it, and each server's settings cache answers only
// for the version a request saw at its arrival (modules/settings/settings.repository.ts).
export class SettingsVersion1796085000000 implements MigrationInterface {
  name = 'SettingsVersion1796085000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "setting" ADD "version" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "setting" DROP COLUMN "version"`);
  }
}
