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

  it('sizes the PostgreSQL pool from DB_POOL_SIZE: 10 unless told, at least 1', () => {
    expect(loadConfig({}).dbPoolSize).toBe(10);
    expect(loadConfig({ DB_POOL_SIZE: '1' }).dbPoolSize).toBe(1);
    expect(loadConfig({ DB_POOL_SIZE: ' 25 ' }).dbPoolSize).toBe(25);
    for (const bad of ['0', '-3', '2.5', 'many', '1e3']) {
      expect(() => loadConfig({ DB_POOL_SIZE: bad })).toThrow(`DB_POOL_SIZE must be a whole number of connections, at least 1 (got "${bad}")`);
    }
  });

  it('sweeps every SWEEP_INTERVAL_SECONDS: 60 unless told, 1 to 86400', () => {
    expect(loadConfig({}).sweepIntervalSeconds).toBe(60);
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '1' }).sweepIntervalSeconds).toBe(1);
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '86400' }).sweepIntervalSeconds).toBe(86_400);
    for (const bad of ['0', '-5', '1.5', 'often', '86401']) {
      expect(() => loadConfig({ SWEEP_INTERVAL_SECONDS: bad })).toThrow(`SWEEP_INTERVAL_SECONDS must be a whole number of seconds from 1 to 86400 (got "${bad}")`);
    }
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

  it('reads TRUST_PROXY as false, a hop count, or a list of proxy addresses, ranges and names', () => {
    const cases: [string | undefined, unknown][] = [
      [undefined, false],
      ['false', false],
      ['0', false],
      ['Off', false],
      ['1', 1],
      [' 2 ', 2],
      ['127.0.0.1/32', ['127.0.0.1/32']],
      ['10.0.0.5, 10.1.0.0/16,loopback', ['10.0.0.5', '10.1.0.0/16', 'loopback']],
      ['10.0.0.0/255.0.0.0,uniquelocal,linklocal', ['10.0.0.0/255.0.0.0', 'uniquelocal', 'linklocal']],
      ['::1,fd00::/8,::ffff:10.0.0.1', ['::1', 'fd00::/8', '::ffff:10.0.0.1']],
    ];
    for (const [raw, trustProxy] of cases) expect([raw, loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy]).toEqual([raw, trustProxy]);
  });

  it('refuses TRUST_PROXY=true, which would let a client choose its own address, and says what to give instead', () => {
    for (const raw of ['true', 'TRUE', 'yes', 'on']) {
      expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(
        `TRUST_PROXY=${raw} would believe every X-Forwarded-For hop, so a client could choose its own address and escape the sign-in limit. ` +
          'Give the number of proxies in front of Gatehouse (TRUST_PROXY=1 for one) or their addresses (TRUST_PROXY=10.0.0.5,10.1.0.0/16 or loopback).',
      );
    }
  });

  it('refuses a TRUST_PROXY list entry that is not an address, a range or a known name, naming each', () => {
    for (const bad of ['proxy.example.org', '10.0.0.1/33', '10.0.0.0/0', 'fd00::/129', '10.0.0.0/255.0.255.0', '10.0.0.1/8/8', 'Loopback', '1.5', '-1', '10.0.0.1,', '300.0.0.1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY must be false, a number of proxies \(1 for one\), or a comma-separated list of their addresses, CIDR ranges/);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5,proxy,10.0.0.0/99' })).toThrow('(not: "proxy", "10.0.0.0/99")');
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
