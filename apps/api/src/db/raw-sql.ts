import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

interface PgPool {
  query(config: { name?: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][]; fields: readonly { name: string }[] }>;
}

/**
 * Runs hand-written SQL (for hot paths) with TypeORM's own parameter handling: `:name` for a value,
 * `:...name` for a list, placeholders and value conversion (dates, booleans) per dialect.
 *
 * With a `statement` name, PostgreSQL runs it as a named prepared statement: each pooled connection
 * plans it once and reuses the plan (the hot queries plan in more time than they execute). Only
 * for SQL whose text never varies with the parameters, and never inside a transaction (the pool
 * hands out its own connection).
 */
export async function rawQuery<T>(manager: EntityManager, sql: string, params: Record<string, unknown>, statement?: string): Promise<T[]> {
  statements.sent(sql, params);
  const pool = (manager.connection.driver as unknown as { master?: PgPool }).master;
  if (statement && pool && manager.connection.options.type === 'postgres' && !manager.queryRunner?.isTransactionActive) {
    const { text, values } = placeholders(manager, sql, params);
    const result = await pool.query({ name: statement, text, values, rowMode: 'array' });
    return result.rows.map(rowBuilder(statement, result.fields)) as T[];
  }
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return (await manager.query(query, values)) as T[];
}

/**
 * Rows as objects of one shape per statement. `pg` builds each row by copying an empty row and
 * storing every column by its name; a hand-written statement's rows are wide (the directory's 38
 * columns) and many, and those stores were most of `pg`'s time reading them. Asked for arrays, it
 * stores by position, and this builder — an object literal written once per named statement, whose
 * text fixes its columns — turns each array into an object; every row of it shares one hidden
 * class. A name is written as a JSON string (any character is safe in it); `__proto__` as a plain
 * key would set the prototype, so a statement with that column (none of ours) takes a slow loop.
 */
type RowBuilder = (values: unknown[]) => Record<string, unknown>;
const builders = new Map<string, { width: number; build: RowBuilder }>();

function rowBuilder(statement: string, fields: readonly { name: string }[]): RowBuilder {
  const known = builders.get(statement);
  if (known && known.width === fields.length) return known.build;
  const names = fields.map((f) => f.name);
  const build: RowBuilder = names.includes('__proto__')
    ? (values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))
    : (new Function('v', `return { ${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')} };`) as RowBuilder);
  // A few dozen statements in practice; the bound only guards against a caller that varies its names.
  if (builders.size >= 1000) builders.clear();
  builders.set(statement, { width: names.length, build });
  return build;
}

/**
 * Told of every statement rawQuery sends, with its named parameters, before it goes: the tests
 * that count a request's statements (the hot paths are counted in statements, not in time) spy on
 * `sent`. It does nothing itself.
 */
export const statements = {
  sent(_sql: string, _params: Record<string, unknown>): void {},
};

/**
 * A named statement's text with `$n` placeholders, and its values in their order. TypeORM rewrites
 * the text with a regular expression on every call (a few per cent of a `resources` page's server
 * time, for its 23 parameters); a named statement's text is fixed, so the rewrite is done once per
 * text and set of parameter names, and reused. A list spread into the text (`:...name`) or a
 * function value changes the text itself: such statements are rewritten every time. (An array
 * bound as one value, `= ANY(:ids)`, is one placeholder like any other.)
 */
const rewritten = new Map<string, Map<string, { text: string; order: string[] }>>();

function placeholders(manager: EntityManager, sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const names = Object.keys(params);
  if (sql.includes(':...') || names.some((n) => typeof params[n] === 'function')) {
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    return { text, values };
  }
  // Keyed by the text itself (callers keep their statement texts, so its hash is computed once),
  // then by the names given: a name the text does not use, or one it uses that is missing, shapes it.
  let forText = rewritten.get(sql);
  if (!forText) {
    // A few dozen statements in practice; the bound only guards against a caller that varies its text.
    if (rewritten.size >= 1000) rewritten.clear();
    rewritten.set(sql, (forText = new Map()));
  }
  const key = names.join(',');
  let known = forText.get(key);
  if (!known) {
    // Each name stands for itself, to read back which value went to which placeholder.
    const [text, marks] = manager.connection.driver.escapeQueryWithParameters(sql, Object.fromEntries(names.map((n) => [n, n])));
    forText.set(key, (known = { text, order: marks as string[] }));
  }
  return { text: known.text, values: known.order.map((n) => params[n]) };
}

/** A prepared statement's name for SQL assembled from a few variants: one name per distinct text (`shapedStatement`). */
function statementName(prefix: string, sql: string): string {
  return `${prefix}_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
}

const shapedStatements = new Map<string, { sql: string; name: string }>();

/**
 * A hot statement assembled from a few variants (its `shape`: which filters, the page size,
 * whether a total is asked for), built and named once per shape. Building the text and naming it
 * (a hash) on every request showed in the profiles of the pages that do it (docs/performance.md).
 */
export function shapedStatement(prefix: string, shape: object, build: () => string): { sql: string; name: string } {
  const key = `${prefix} ${JSON.stringify(shape)}`;
  let statement = shapedStatements.get(key);
  if (!statement) {
    const sql = build();
    // A few dozen shapes in practice; the bound only guards against a caller that varies every part.
    if (shapedStatements.size >= 1000) shapedStatements.clear();
    shapedStatements.set(key, (statement = { sql, name: statementName(prefix, sql) }));
  }
  return statement;
}

/**
 * `column` is one of a list bound as ONE parameter `:param` (give it `listParam`'s value): the
 * statement's text is the same whatever the list's length, so PostgreSQL prepares and plans it
 * once (an `IN ($1, …, $n)` list is a new text, parsed and planned anew, for every length).
 * PostgreSQL binds an array; SQLite, which has none, a JSON array read with json_each.
 */
export function inList(manager: EntityManager, column: string, param: string, type: 'uuid' | 'varchar' = 'uuid'): string {
  return isPostgres(manager) ? `${column} = ANY(CAST(:${param} AS ${type}[]))` : `${column} IN (SELECT value FROM json_each(:${param}))`;
}

/** The value for an `inList` parameter. */
export function listParam(manager: EntityManager, values: readonly string[]): string[] | string {
  return isPostgres(manager) ? [...values] : JSON.stringify(values);
}

/** Whether the manager's database is PostgreSQL (for the few statements the dialects spell differently). */
export const isPostgres = (manager: EntityManager): boolean => manager.connection.options.type === 'postgres';

/**
 * `column` is one of `values`, written as a list of placeholders whose length is `values.length`
 * rounded up to a power of two (padded with the last value; a repeat changes nothing in IN).
 *
 * For a statement that runs very often and costs more to plan than to execute. PostgreSQL keeps
 * a prepared statement's one generic plan only when it estimates it no worse than planning anew,
 * and for `= ANY($1)` it assumes ten elements whatever the array holds, so it plans such a statement
 * again on every call. A list of n placeholders is estimated as n values: after its first five calls
 * the plan is kept. Powers of two keep the number of texts (and of prepared statements per
 * connection) small.
 */
export function inFixedList(column: string, prefix: string, values: readonly string[]): { sql: string; params: Record<string, string>; size: number } {
  if (values.length === 0) return { sql: '1 = 0', params: {}, size: 0 };
  let size = 1;
  while (size < values.length) size *= 2;
  const names = Array.from({ length: size }, (_, i) => `${prefix}${i}`);
  return {
    sql: `${column} IN (${names.map((n) => `:${n}`).join(', ')})`,
    params: Object.fromEntries(names.map((n, i) => [n, values[Math.min(i, values.length - 1)]!])),
    size,
  };
}

/**
 * A page's LIMIT written into a named statement's text instead of bound. PostgreSQL plans a named
 * statement with its values (a custom plan) until a plan without them (generic) costs no more; not
 * knowing the limit, it prices a page as a tenth of the table, so a page statement whose limit is a
 * parameter was planned again on every execution. Each page size is then a statement of its own:
 * a handful in practice (the SPA's sizes, an integration's).
 */
export function limitSql(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`limitSql: ${rows} is not a number of rows`);
  return `LIMIT ${rows}`;
}
