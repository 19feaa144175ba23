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
