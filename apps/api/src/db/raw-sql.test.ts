import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { inFixedList, rawQuery } from './raw-sql';

// A named statement's placeholders are worked out once per text and set of names (raw-sql.ts):
// every later call must still send its own values, each to its own placeholder.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SQL = `SELECT CAST(:b AS varchar) AS "b", CAST(:a AS varchar) AS "a", CAST(:b AS varchar) AS "again"`;

describe('rawQuery with a named statement', () => {
  it('sends each call its own values, whatever order the names come in', async () => {
    const ask = (params: Record<string, unknown>) => rawQuery<{ a: string; b: string; again: string }>(app.dataSource.manager, SQL, params, 'gh_test_placeholders');
    expect(await ask({ a: 'one', b: 'two' })).toEqual([{ b: 'two', a: 'one', again: 'two' }]);
    expect(await ask({ a: 'three', b: 'four' })).toEqual([{ b: 'four', a: 'three', again: 'four' }]);
    expect(await ask({ b: 'six', a: 'five' })).toEqual([{ b: 'six', a: 'five', again: 'six' }]);
  });
});

describe('rawQuery with a named statement and a list bound as one value', () => {
  it('binds each call its own list', async () => {
    // PostgreSQL binds an array; SQLite has none and reads the list as JSON text (as readFacts does).
    const postgres = app.dataSource.options.type === 'postgres';
    const sql = postgres
      ? 'SELECT CAST(COUNT(*) AS int) AS "n" FROM unnest(CAST(:ids AS text[])) AS t(x) WHERE t.x <> :skip'
      : 'SELECT COUNT(*) AS "n" FROM json_each(:ids) WHERE value <> :skip';
    const count = async (ids: string[], skip: string) =>
      Number((await rawQuery<{ n: number }>(app.dataSource.manager, sql, { ids: postgres ? ids : JSON.stringify(ids), skip }, 'gh_test_list'))[0]!.n);
    expect(await count(['a', 'b', 'c'], 'b')).toBe(2);
    expect(await count(['a'], 'z')).toBe(1);
    expect(await count([], 'z')).toBe(0);
  });
});

describe('inFixedList', () => {
  it('rounds the list up to a power of two, padding with the last value, and matches exactly the values given', async () => {
    expect(inFixedList('x', 'h', ['a', 'b', 'c'])).toEqual({ sql: 'x IN (:h0, :h1, :h2, :h3)', params: { h0: 'a', h1: 'b', h2: 'c', h3: 'c' }, size: 4 });
    expect(inFixedList('x', 'h', ['a'])).toEqual({ sql: 'x IN (:h0)', params: { h0: 'a' }, size: 1 });
    expect(inFixedList('x', 'h', [])).toEqual({ sql: '1 = 0', params: {}, size: 0 });
    const found = async (values: string[]) => {
      const match = inFixedList('t.v', 'h', values);
      const rows = await rawQuery<{ v: string }>(
        app.dataSource.manager,
        `SELECT t.v AS "v" FROM (SELECT 'a' AS v UNION ALL SELECT 'b' UNION ALL SELECT 'c' UNION ALL SELECT 'd') t WHERE ${match.sql} ORDER BY t.v`,
        match.params,
        `gh_test_fixed_${match.size}`,
      );
      return rows.map((r) => r.v);
    };
    expect(await found(['b', 'c', 'x'])).toEqual(['b', 'c']);
    expect(await found(['d'])).toEqual(['d']);
    expect(await found(['a', 'd', 'q'])).toEqual(['a', 'd']);
    expect(await found([])).toEqual([]);
  });
});
