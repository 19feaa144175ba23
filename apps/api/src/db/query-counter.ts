import type { Logger as TypeOrmLogger } from 'typeorm';

/** A TypeORM logger that only counts statements: tests read it to show query counts stay flat. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;

  reset(): void {
    this.count = 0;
  }

  logQuery(query: string): void {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    this.count += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
