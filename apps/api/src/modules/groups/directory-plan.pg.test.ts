import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pooledClient, startTestApp, type TestApp } from '../../../test/harness';
import { addMember, makeGroup, makeUser } from '../../../test/factories';
import { statements } from '../../db/raw-sql';

const PAGE = 'query { groups(first: 50) { totalCount edges { node { id name memberCount viewerCan { join requestJoin leave } viewerPendingRequest { id } } } } }';

/**
 * The directory's statement is a named one, planned once per connection — but PostgreSQL keeps
 * that generic plan only while it costs no more than a plan made for each call's values (plus
 * planning). Counting a group's expired rows with `expires_at <= $n` in the statement, the generic
 * plan assumed a third of every group's rows expired, and once groups had grown PostgreSQL
 * re-planned the page on every call (a millisecond each, twice the page's execution). So the
 * statement must cost the same whether or not its parameters' values are known (the expired count
 * is the function gh_expired_members). PostgreSQL only (`.pg.test.ts`): SQLite plans every call.
 */
describe('the directory statement and its kept plan', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is run from its generic plan after the first five calls', { timeout: 60_000 }, async () => {
    // A full page of groups of a few dozen members each, each person in two (2,400 rows): at this
    // size the expired-row subquery's guessed third made the generic plan the dearer.
    const viewer = await makeUser(app);
    const groups = [];
    for (let i = 0; i < 60; i++) groups.push(await makeGroup(app, { public: true }));
    const people = await app.dataSource.query<{ id: string }[]>(
      `INSERT INTO user_account (email, email_key, display_name, name_key) SELECT e, e, e, e FROM (SELECT 'plan-' || n || '@example.com' AS e FROM generate_series(1, 1200) AS n) AS s RETURNING id`,
    );
    await app.dataSource.query(
      `INSERT INTO membership (user_id, group_id, source) SELECT p.id, ($2::uuid[])[1 + (p.n + k) % 60], 'ADDED' FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n) CROSS JOIN generate_series(0, 1) AS k`,
      [people.map((p) => p.id), groups.map((g) => g.id)],
    );
    // rows with an expiry: one ahead, one past it and not swept yet
    await addMember(app, groups[0]!.id, viewer.user.id, new Date(Date.now() + 86_400_000));
    await addMember(app, groups[1]!.id, viewer.user.id, new Date(Date.now() - 60_000));
    await app.dataSource.query('ANALYZE');

    const sent: { sql: string; params: Record<string, unknown> }[] = [];
    const spy = vi.spyOn(statements, 'sent').mockImplementation((sql, params) => void sent.push({ sql, params }));
    try {
      const page = await app.gql(PAGE, {}, viewer.as);
      expect(page.errors).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    const directory = sent.find((s) => s.sql.includes('member_tally') && s.sql.includes('page AS'));
    expect(directory, 'the directory statement').toBeDefined();
    const [text, values] = app.dataSource.driver.escapeQueryWithParameters(directory!.sql, directory!.params);

    const client = await pooledClient(app);
    // EXECUTE under EXPLAIN takes no bound parameters: the values are written as literals.
    const literal = (v: unknown) => `'${(v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : String(v)).replace(/'/g, "''")}'`;
    try {
      await client.query(`PREPARE gh_plan_test AS ${text}`);
      // PostgreSQL makes five custom plans, then weighs the generic one against their average.
      for (let i = 0; i < 8; i++) await client.query(`EXECUTE gh_plan_test(${values.map(literal).join(', ')})`);
      const [kept] = (await client.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'gh_plan_test'`)).rows;
      expect(kept).toEqual({ generic_plans: '3', custom_plans: '5' });
    } finally {
      await client.query('DEALLOCATE ALL');
      client.release();
    }
  });
});
