import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from './depth-limit';

const schema = buildSchema(`
  type Node { child: Node name: String }
  type Query { node: Node }
`);
const check = (query: string, max = 3) => validate(schema, parse(query), [depthLimit(max)]);

describe('depthLimit', () => {
  it('accepts a query at the limit', () => {
    expect(check('{ node { child { name } } }')).toEqual([]);
  });

  it('refuses a query one level past the limit, naming both numbers', () => {
    const [error] = check('{ node { child { child { name } } } }');
    expect(error?.message).toBe('This query nests 4 levels deep; the limit is 3. Ask for less at once or split the query.');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
  });

  it('follows named fragments and inline fragments', () => {
    expect(check('{ node { ...F } } fragment F on Node { child { ... on Node { child { name } } } }')).toHaveLength(1);
    expect(check('{ node { ...F } } fragment F on Node { child { name } }')).toEqual([]);
  });

  it('does not loop on fragment cycles (validation reports those itself)', () => {
    const errors = validate(schema, parse('{ node { ...A } } fragment A on Node { child { ...A } }'), [depthLimit(3)]);
    expect(errors.length).toBe(0);
  });

  it('does not count introspection fields', () => {
    expect(check('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });
});
