import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM's own "migrations" table has no entity). Servers starting together take
// turns under an advisory lock (db/startup-lock.ts); this index is the database's own guarantee
// that no migration is ever recorded, and so applied, twice.
export class MigrationNameUnique1796080000000 implements MigrationInterface {
  name = 'MigrationNameUnique1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_migrations_name" ON "migrations" ("name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_migrations_name"`);
  }
}
