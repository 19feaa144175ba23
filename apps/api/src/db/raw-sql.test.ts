import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { rawQuery } from './raw-sql';

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
