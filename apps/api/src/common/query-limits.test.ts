import { buildSchema, parse, specifiedRules, validate, Kind, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@gatehouse/shared';
import { createCostMeter, measureOperation, queryShapeRules, tokenLimitRefusal, type QueryLimits } from './query-limits';

const schema = buildSchema(`
  type Query {
    groups(first: Int = 50, after: String): GroupConnection!
    pages(first: Int): GroupConnection!
    me: User
    check(ids: [ID!]!): [Boolean!]!
  }
  type GroupConnection { edges: [GroupEdge!]! totalCount: Int! }
  type GroupEdge { node: Group! }
  type Group { id: ID! name: String! tags: [String!]! leaders: [User!]! members(first: Int = 50): UserConnection! }
  type UserConnection { edges: [UserEdge!]! }
  type UserEdge { node: User! }
  type User { id: ID! name: String! groups: [Group!]! child: User }
`);

const limits: QueryLimits = { maxTokens: 100, maxAliases: 3, maxDepth: 3, maxFields: 1_000, maxCost: 1_000 };

function measure(query: string, variables?: Record<string, unknown>, maxFields = limits.maxFields) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, document, operation, variables, maxFields);
}
const costOf = (query: string, variables?: Record<string, unknown>) => {
  const result = measure(query, variables);
  if (!('cost' in result)) throw new Error(`no cost: ${JSON.stringify(result)}`);
  return result.cost;
};
const check = (query: string) => validate(schema, parse(query), [...specifiedRules, ...queryShapeRules(limits)]);
const repeat = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(' ');
/** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^levels copies of `leaf` from a short document. */
const fanOut = (levels: number, leaf = 'id') =>
  `{ groups(first: 1) { edges { node { ...F0 } } } } ${repeat(levels, (i) => `fragment F${i} on Group { ...F${i + 1} ...F${i + 1} }`)} fragment F${levels} on Group { ${leaf} }`;

describe('query cost', () => {
  it('weighs a connection by its first: 1 for the field, plus its selections once per item', () => {
    expect(costOf('{ groups(first: 10) { edges { node { id name } } } }')).toBe(1 + 10 * (1 + (1 + 2)));
  });

  it("takes first from the schema's default, else the default page size", () => {
    expect(costOf('{ groups { totalCount } }')).toBe(1 + 50);
    expect(costOf('{ pages { totalCount } }')).toBe(1 + LIMITS.defaultPageSize);
    expect(costOf('{ pages(first: null) { totalCount } }')).toBe(1 + LIMITS.defaultPageSize);
  });

  it('reads first from the variables', () => {
    expect(costOf('query ($n: Int!) { groups(first: $n) { totalCount } }', { n: 10 })).toBe(11);
    expect(costOf('query ($n: Int!) { groups(first: $n) { totalCount } }', { n: 90 })).toBe(91);
  });

  it('holds first to 1..maxPageSize: a negative page cannot pay for the rest of the query', () => {
    expect(costOf('{ groups(first: -1000000) { totalCount } }')).toBe(1 + 1);
    expect(costOf('{ groups(first: 1000000) { totalCount } }')).toBe(1 + LIMITS.maxPageSize);
  });

  it('multiplies nested lists', () => {
    const members = 1 + 20 * (1 + (1 + 1));
    expect(costOf('{ groups(first: 10) { edges { node { members(first: 20) { edges { node { id } } } } } } }')).toBe(
      1 + 10 * (1 + (1 + members)),
    );
  });

  it('counts every alias and every fragment spread in full', () => {
    const one = costOf('{ groups(first: 10) { totalCount } }');
    expect(costOf('{ a: groups(first: 10) { totalCount } b: groups(first: 10) { totalCount } }')).toBe(2 * one);
    expect(costOf('{ groups(first: 10) { ...C ...C } } fragment C on GroupConnection { totalCount }')).toBe(1 + 10 * 2);
    expect(costOf(fanOut(4))).toBe(1 + 1 * (1 + (1 + 2 ** 4)));
  });

  it('weighs a list without first as a page, a list sized by an input list by its length, a list of scalars as one value', () => {
    expect(costOf('{ me { groups { id } } }')).toBe(1 + (1 + LIMITS.defaultPageSize * 1));
    expect(costOf('{ check(ids: ["a", "b", "c"]) }')).toBe(3);
    expect(costOf('query ($ids: [ID!]!) { check(ids: $ids) }', { ids: Array.from({ length: 100 }, (_, i) => `${i}`) })).toBe(100);
    expect(costOf('{ groups(first: 1) { edges { node { tags } } } }')).toBe(1 + (1 + (1 + 1)));
  });

  it('lets introspection and __typename cost nothing', () => {
    expect(costOf('{ __typename __schema { types { name fields { name type { name } } } } }')).toBe(0);
  });

  it('counts selections with fragments expanded and gives up past maxFields', () => {
    expect(measure('{ me { id name } }', undefined, 3)).toEqual({ cost: 3 });
    expect(measure('{ me { id name } }', undefined, 2)).toEqual({ tooManyFields: true });
    expect(measure(fanOut(22), undefined, 1_000)).toEqual({ tooManyFields: true });
  });

  it('keeps measures per document, never answering for variables that change the cost', () => {
    const meter = createCostMeter(limits.maxFields);
    const document = parse('query ($n: Int, $ids: [ID!]!, $s: Boolean!, $id: ID) { groups(first: $n) @skip(if: $s) { totalCount } check(ids: $ids) me { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const seen = new Set<number>();
    for (let round = 0; round < 2; round += 1) {
      for (const n of [undefined, 10, 90]) {
        for (const ids of [['a'], ['a', 'b', 'c']]) {
          for (const s of [true, false]) {
            for (const id of ['x', 'y']) {
              const variables = { n, ids, s, id };
              const measured = meter(schema, document, operation, variables);
              expect(measured).toEqual(measureOperation(schema, document, operation, variables, limits.maxFields));
              if ('cost' in measured) seen.add(measured.cost);
            }
          }
        }
      }
    }
    expect(seen.size).toBe(8);
    expect(meter(schema, document, operation, { n: 'ten', ids: [], s: false })).toEqual({ invalidVariables: true });
  });

  it('leaves variables that do not fit to the execution, which refuses them before any resolver', () => {
    expect(measure('query ($n: Int!) { groups(first: $n) { totalCount } }', { n: 'ten' })).toEqual({ invalidVariables: true });
  });
});

describe('query shape rules', () => {
  it('accepts aliases up to the limit and refuses one more, counting aliases inside fragments per spread', () => {
    expect(check('{ a: me { id } b: me { id } c: me { id } }')).toEqual([]);
    const [error, ...rest] = check('{ a: me { id } b: me { id } c: me { id } d: me { id } }');
    expect(rest).toEqual([]);
    expect(error?.message).toBe('This query uses 4 aliases; the limit is 3. Ask for less at once or split the query.');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES' });
    expect(check('{ me { ...A ...A } } fragment A on User { x: id y: name }').map((e) => e.extensions['reason'])).toEqual(['TOO_MANY_ALIASES']);
  });

  it('accepts a query at the depth limit and refuses one a level deeper, naming both numbers', () => {
    expect(check('{ me { child { name } } }')).toEqual([]);
    const [error, ...rest] = check('{ me { child { child { name } } } }');
    expect(rest).toEqual([]);
    expect(error?.message).toBe('This query nests 4 levels deep; the limit is 3. Ask for less at once or split the query.');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
  });

  it('follows named and inline fragments, which add no depth of their own', () => {
    expect(check('{ me { ...F } } fragment F on User { child { ... on User { child { name } } } }')).toHaveLength(1);
    expect(check('{ me { ...F } } fragment F on User { child { ... on User { name } } }')).toEqual([]);
  });

  it('does not loop on fragment cycles (graphql-js reports those itself)', () => {
    const errors = check('{ me { ...A } } fragment A on User { child { ...A } }');
    expect(errors.map((e) => e.message)).toEqual(['Cannot spread fragment "A" within itself.']);
  });

  it('does not count introspection for depth', () => {
    expect(check('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });

  it('refuses a fragment fan-out for its aliases and depth as fast as a short one (no exponential walk)', () => {
    const time = (query: string) => {
      const document = parse(query);
      let best = Infinity;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        validate(schema, document, [...specifiedRules, ...queryShapeRules(limits)]);
        measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode, undefined, 1_000);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    // Both stop after 1,000 selections; walked in full, the long one would be 2,048 times the work.
    const short = time(fanOut(11, 'a: id'));
    const long = time(fanOut(22, 'a: id'));
    expect(check(fanOut(22, 'a: id')).map((e) => e.message)).toContain(
      `This query uses ${2 ** 22} aliases; the limit is 3. Ask for less at once or split the query.`,
    );
    expect(long / short).toBeLessThan(10);
  });
});

describe('the token cap', () => {
  it('names a parse stopped by maxTokens and leaves other parse errors alone', () => {
    let message = '';
    try {
      parse('{ a b c d e f }', { maxTokens: 5 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tokenLimitRefusal(message)).toEqual({
      reason: 'TOO_MANY_TOKENS',
      message: 'This query is longer than 5 tokens (names, values and punctuation); the limit is 5. Send a shorter query, and pass long values as variables.',
    });
    expect(tokenLimitRefusal('Syntax Error: Expected Name, found <EOF>.')).toBeUndefined();
  });
});
