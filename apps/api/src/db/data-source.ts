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
import { underStartupLock } from './startup-lock';
import type { QueryCounter } from './query-counter';
import { parseUtcTimestamp } from './timestamp';

// Timestamps are `timestamp` (PostgreSQL) and `datetime` (SQLite), both holding UTC. node-postgres
// would otherwise write and read them in the process's local zone; pin both directions to UTC.
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, parseUtcTimestamp);

const CONNECT_TIMEOUT_MS = 5_000;

export interface DataSourceOptions {
  /** Counts statements (tests use it to prove there is no N+1). */
  queryCounter?: QueryCounter;
  poolSize?: number;
  /** False where they are applied already: by prepare.ts's thread, before a server opens its own connections. */
  migrate?: boolean;
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
      type: 'postgres',
      ...common,
      url: db.url,
      migrations: POSTGRES_MIGRATIONS,
      // Session time zone UTC, so `now()` defaults agree with the UTC the driver writes.
      // READ COMMITTED as the session's default (whatever the database's or role's default says):
      // every transaction relies on it (db.ts), and set here it costs no statement per transaction.
      // A database that accepts connections but never answers (a network partition) must not hang
      // /healthz and every request: a connection that is not ready in time fails, and is retried
      // on the next use.
      extra: { max: options.poolSize ?? 10, options: '-c TimeZone=UTC -c default_transaction_isolation=read\\ committed', connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    });
  }
  fs.mkdirSync(path.dirname(db.file), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    ...common,
    database: db.file,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    // busy timeout (ms): a writer waits for another instead of failing at once
    timeout: 5000,
  });
}

/** Connects and (unless told not to) applies every pending migration, each in its own transaction. */
export async function openDatabase(db: DatabaseConfig, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(db, options);
  await dataSource.initialize();
  if (options.migrate !== false) {
    await underStartupLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  }
  return dataSource;
}
