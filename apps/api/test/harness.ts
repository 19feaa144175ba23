import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config, type DatabaseConfig } from '../src/config';
import { bootstrap } from '../src/bootstrap';
import { openDatabase } from '../src/db/data-source';
import { Db } from '../src/db/db';
import { QueryCounter } from '../src/db/query-counter';
import { transactionMisuses } from '../src/db/transaction-guard';
import { createLogger } from '../src/logger';
import { createSchema } from '../src/schema';
import { startServer } from '../src/server';
import { createServices, type Services } from '../src/services';
import { createDatabase, dropDatabase, scratchName } from '../scripts/lib/pg-admin';
import './provided';

/** A fresh database for one test file, cloned from the run's migrated template. */
export async function createTestDatabase(): Promise<{ db: DatabaseConfig; drop: () => Promise<void> }> {
  const template = inject('templateDatabase');
  if (template.dialect === 'postgres') {
    const name = scratchName('gatehouse_test');
    const url = await createDatabase(template.adminUrl, name, template.template);
    return { db: { dialect: 'postgres', url }, drop: () => dropDatabase(template.adminUrl, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-file-'));
  const file = path.join(dir, 'gatehouse.db');
  fs.copyFileSync(template.templateFile, file);
  return { db: { dialect: 'sqlite', file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface RequestAs {
  /** Raw Cookie header. */
  cookie?: string;
  /** API token, sent as `Authorization: Bearer`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  config: Config;
  dataSource: DataSource;
  services: Services;
  queries: QueryCounter;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: RequestAs): Promise<GqlResult<T>>;
  /** A raw HTTP request to the running server (for bad bodies and non-GraphQL routes). */
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  /** Starts what main.ts starts beside the server: the commit listener and the outbound worker. */
  startDelivery(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP server (the same `startServer` production uses) on a free port, against
 * this file's own database. Tests talk to it over HTTP with real GraphQL operations.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { sameDatabaseAs?: TestApp; database?: DatabaseConfig } = {}): Promise<TestApp> {
  // Another server on an existing app's database (several servers, one database: SPEC §16). It has
  // its own data source, pool and per-process caches, as a separate process would; whoever created
  // the database drops it.
  const existing = options.database ?? options.sameDatabaseAs?.config.database;
  const { db: dbConfig, drop } = existing ? { db: existing, drop: async () => {} } : await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', WEB_DIST: 'off', LOG_LEVEL: 'error', ...env }), database: dbConfig };
  const log = createLogger(config);
  const queries = new QueryCounter();
  const dataSource = await openDatabase(dbConfig, { queryCounter: queries, poolSize: config.dbPoolSize });
  const db = new Db(dataSource, { guard: true });
  const services = createServices({ config, db, log });
  await bootstrap(db, services, config, log);
  const server = await startServer({ config, schema: await createSchema(), services, log }, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.port}`;

  const gql: TestApp['gql'] = async (query, variables, as = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...as.headers };
    if (as.cookie) headers['cookie'] = as.cookie;
    if (as.token) headers['authorization'] = `Bearer ${as.token}`;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GqlResult, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers } as GqlResult<never>;
  };

  return {
    url,
    config,
    dataSource,
    services,
    queries,
    gql,
    fetch: (pathname, init) => fetch(`${url}${pathname}`, init),
    startDelivery: async () => {
      await services.signals.start(log);
      services.outbound.start(log);
    },
    close: async () => {
      await services.outbound.stop();
      await services.signals.stop();
      await server.stop();
      await dataSource.destroy();
      await drop();
      // A refused statement inside a transaction fails the file even if some caller swallowed the error.
      const misuses = transactionMisuses(dataSource);
      if (misuses.length) throw misuses[0];
    },
  };
}

/** The `extensions.code` of the first error, for table-driven failure tests. */
export function errorCode(result: GqlResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.['code'];
}

/** A connection of the app's own PostgreSQL pool, taken from it until `release` (PostgreSQL only). */
export interface PooledClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(): void;
}

/** Takes one connection out of the app's PostgreSQL pool (tests that hold a transaction, or the pool itself). */
export function pooledClient(app: TestApp): Promise<PooledClient> {
  return (app.dataSource.driver as unknown as { master: { connect(): Promise<PooledClient> } }).master.connect();
}
