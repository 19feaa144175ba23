import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { CreatedAtSubscriber } from './created-at.subscriber';
import { SettingsCacheSubscriber } from '../modules/settings/settings.repository';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming-strategy';
import type { QueryCounter } from './query-counter';

// Timestamps are `timestamp` (PostgreSQL) and `datetime` (SQLite), both holding UTC. node-postgres
// would otherwise write and read them in the process's local zone; pin both directions to UTC.
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, parseUtcTimestamp);

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/**
 * PostgreSQL's text form of a `timestamp` ('2026-11-30 17:36:38.642151') as a UTC Date. Read by
 * position — string-to-Date parsing was ~3 % of the server's time on a page of 51 resources (two
 * timestamps a row). Anything else (BC dates, infinity, a zone suffix) takes the general parse.
 */
export function parseUtcTimestamp(value: string): Date {
  const shaped = value.length >= 19 && value[4] === '-' && value[7] === '-' && value[10] === ' ' && value[13] === ':' && value[16] === ':';
  const fraction = value.length > 20 && value[19] === '.' ? value.slice(20) : value.length === 19 ? '' : null;
  if (shaped && fraction !== null) {
    const year = digits(value, 0, 4);
    const time = Date.UTC(year, digits(value, 5, 7) - 1, digits(value, 8, 10), digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19), fraction ? digits(`${fraction}00`, 0, 3) : 0);
    // Date.UTC reads years 0–99 as 1900–1999; NaN means a character was not a digit.
    if (year >= 100 && !Number.isNaN(time) && !Number.isNaN(digits(fraction, 0, fraction.length))) return new Date(time);
  }
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export interface DataSourceOptions {
  /** Counts statements (tests use it to prove there is no N+1). */
  queryCounter?: QueryCounter;
  poolSize?: number;
}

/** Builds (does not connect) the TypeORM data source for either dialect. Never `synchronize`. */
export function createDataSource(db: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = {
    entities: ENTITIES,
    subscribers: [CreatedAtSubscriber, SettingsCacheSubscriber],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: options.queryCounter ? ['query' as const] : false,
    logger: options.queryCounter,
  };
  if (db.dialect === 'postgres') {
    return new DataSource({
      ...common,
      type: 'postgres',
      url: db.url,
      migrations: POSTGRES_MIGRATIONS,
      // Session time zone UTC, so `now()` defaults agree with the UTC the driver writes.
      extra: { max: options.poolSize ?? 10, options: '-c TimeZone=UTC' },
    });
  }
  fs.mkdirSync(path.dirname(db.file), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    // busy timeout (ms): a writer waits for another instead of failing at once
    timeout: 5000,
  });
}

/** Connects and applies every pending migration, each in its own transaction. */
export async function openDatabase(db: DatabaseConfig, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(db, options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
