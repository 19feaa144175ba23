import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultWorkers, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('data', 'gatehouse.db') });
    expect(config.introspection).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and turns introspection off in production', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g', NODE_ENV: 'production' });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/g' });
    expect(config.introspection).toBe(false);
  });

  it('puts the SQLite file in DATA_DIR', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/gh' }).database).toEqual({ dialect: 'sqlite', file: '/tmp/gh/gatehouse.db' });
  });

  it('sizes the access cache in facts: 4 million unless told, 0 turns it off', () => {
    expect(loadConfig({}).accessCacheSize).toBe(4_000_000);
    expect(loadConfig({ ACCESS_CACHE_SIZE: '0' }).accessCacheSize).toBe(0);
  });

  it('serves from one process on SQLite and from one worker per core on PostgreSQL (one core left to a local database), unless told', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g' }).workers).toBe(availableParallelism());
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/g' }).workers).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g', WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g', WORKERS: '1' }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS above 1 needs PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g', WORKERS: '0' })).toThrow(/WORKERS must be a whole number from 1 to 64/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db:5432/g', WORKERS: 'many' })).toThrow(/WORKERS must be a whole number/);
  });

  it('leaves one core to a PostgreSQL on the same machine, never going below one worker', () => {
    const cases: [string, number, number][] = [
      ['postgres://u@db.internal:5432/g', 8, 8],
      ['postgres://u@10.0.0.5/g', 2, 2],
      ['postgres://u@127.0.0.1:5432/g', 8, 7],
      ['postgres://u@127.0.0.2/g', 2, 1],
      ['postgres://u@localhost/g', 4, 3],
      ['postgres://u@[::1]:5432/g', 4, 3],
      ['postgres:///g', 4, 3],
      ['postgres://u@%2Fvar%2Frun%2Fpostgresql/g', 4, 3],
      ['postgres://u@db/g?host=/var/run/postgresql', 4, 3],
      ['postgres://u@localhost/g', 1, 1],
    ];
    for (const [url, cores, workers] of cases) expect([url, cores, defaultWorkers(url, cores)]).toEqual([url, cores, workers]);
  });

  it('names every problem at once in plain words', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging', ADMIN_EMAIL: 'a@b.c', ACCESS_CACHE_SIZE: 'lots' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/ACCESS_CACHE_SIZE must be a whole number of facts/);
      expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
      expect(problems.join('\n')).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
    }
  });
});
