import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldsAt, selectsField } from './selection';

const schema = buildSchema(`
  type Item { id: ID name: String description: String }
  type Edge { node: Item cursor: String }
  type Connection { edges: [Edge] totalCount: Int }
  type Query { items: Connection }
`);

/** The resolver's info for `query`, as a real execution hands it over. */
async function infoOf(query: string): Promise<GraphQLResolveInfo> {
  let seen: GraphQLResolveInfo | undefined;
  const result = await graphql({ schema, source: query, rootValue: { items: (_: unknown, __: unknown, info: GraphQLResolveInfo) => ((seen = info), { edges: [] }) } });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('fieldsAt', () => {
  it('names the fields selected at a path, and nothing from elsewhere', async () => {
    const info = await infoOf('{ items { totalCount edges { cursor node { id name } } } }');
    expect([...fieldsAt(info, ['edges', 'node'])].sort()).toEqual(['id', 'name']);
    expect([...fieldsAt(info, ['edges'])].sort()).toEqual(['cursor', 'node']);
    expect(selectsField(info, 'totalCount')).toBe(true);
  });

  it('follows named and inline fragments at every level, and counts aliased and skipped fields', async () => {
    const info = await infoOf(
      '{ items { ...E edges { node { ... on Item { a: description } } } } } fragment E on Connection { edges { node { ...I name @skip(if: true) } } } fragment I on Item { id }',
    );
    expect([...fieldsAt(info, ['edges', 'node'])].sort()).toEqual(['description', 'id', 'name']);
  });

  it('is empty when the path is not selected', async () => {
    const info = await infoOf('{ items { totalCount } }');
    expect(fieldsAt(info, ['edges', 'node']).size).toBe(0);
    expect(selectsField(info, 'edges')).toBe(false);
  });
});
