import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeCast, type Cast } from '../../test/factories';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse, type FormattedExecutionResult } from 'graphql';
import { compiledExecution } from './compiled-execution';

/**
 * Operations run compiled (compiled-execution.ts). What a client sees must be what graphql-js's
 * interpreter gave: the same data, errors with their codes, paths and locations, variables that do
 * not coerce refused as BAD_USER_INPUT with HTTP 400, and each operation of a document by its name.
 * An answer of data alone is written by its document's own writer (compiledExecution's
 * stringifyResult): byte for byte what JSON.stringify wrote.
 */
let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(() => app.close());

describe('compiled execution', () => {
  it('refuses variables that do not coerce as graphql-js does: BAD_USER_INPUT, HTTP 400, no data', async () => {
    const wrongType = await app.gql('query ($n: Int) { groups(first: $n) { totalCount } }', { n: 'ten' }, cast.user.as);
    expect(wrongType.status).toBe(400);
    expect(wrongType.data).toBeUndefined();
    expect(wrongType.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "ten"/);

    const missing = await app.gql('query ($id: ID!) { group(id: $id) { id } }', {}, cast.user.as);
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.message).toMatch(/^Variable "\$id" of required type "ID!" was not provided/);
  });

  it("keeps a resolver's error code with the field's path and location; a non-null field's error empties data", async () => {
    const result = await app.gql<{ me: { id: string } | null }>('query {\n  me { id }\n  groupRequests(first: 1) { totalCount }\n}', {});
    const error = result.errors?.find((e) => e.path?.[0] === 'groupRequests') as { extensions?: Record<string, unknown>; locations?: unknown; path?: unknown } | undefined;
    expect(error?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(error?.path).toEqual(['groupRequests']);
    expect(error?.locations).toEqual([{ line: 3, column: 3 }]);
    expect(result.status).toBe(200);
    expect(result.data).toBeNull(); // groupRequests is non-null: its error reaches the root, as the spec has it
  });

  it('runs the named operation of a document, each compiled on its own', async () => {
    const document = 'query Mine { me { id } } query Count { groups(first: 1) { totalCount } }';
    for (let round = 0; round < 2; round++) {
      const unnamed = await app.gql(document, undefined, cast.user.as);
      expect(unnamed.status).toBe(400); // two operations and no name: refused before execution
      const byName = async (operationName: string) => {
        const response = await app.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.user.token}` },
          body: JSON.stringify({ query: document, operationName }),
        });
        return (await response.json()) as { data: Record<string, unknown> };
      };
      expect((await byName('Mine')).data).toEqual({ me: { id: cast.user.user.id } });
      expect(Object.keys((await byName('Count')).data)).toEqual(['groups']);
    }
  });

  it("writes an answer of data alone byte for byte as JSON.stringify does, whatever the values' types", async () => {
    const raw = async (query: string, variables: Record<string, unknown>, token: string) => {
      const response = await app.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.text();
    };
    const metadata = { team: 'Ünïcødé "quoted" \\ back\tslash 🚀', nested: { list: [1, 2.5, true, null, 'x'], empty: {} }, n: -0.125 };
    const created = await app.gql<{ createGroup: { id: string } }>(
      'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input: { name: 'Writers "quoted" \\ ünïcødé 🚀', description: 'line one\nline two\t', metadata, maxMembers: 7 } },
      cast.admin.as,
    );
    const id = created.data!.createGroup.id;
    const documents = [
      // scalars of every kind, a custom scalar of each (DateTime, JSONObject), aliases, a fragment, __typename, nulls
      `query ($id: ID!) { group(id: $id) { __typename id name description metadata createdAt open maxMembers renamed: name ...Path viewerPendingRequest { id } permissions } }
       fragment Path on Group { joinPath }`,
      'query { groups(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name memberCount viewerCan { join requestJoin leave } } } } }',
    ];
    for (const query of documents) {
      const text = await raw(query, { id }, cast.admin.token);
      const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
      expect(parsed.errors).toBeUndefined();
      expect(text).toBe(`${JSON.stringify(parsed)}\n`);
    }
    const group = JSON.parse(await raw(documents[0]!, { id }, cast.admin.token)) as { data: { group: Record<string, unknown> } };
    expect(Object.keys(group.data.group)).toEqual(['__typename', 'id', 'name', 'description', 'metadata', 'createdAt', 'open', 'maxMembers', 'renamed', 'joinPath', 'viewerPendingRequest', 'permissions']);
    expect(group.data.group).toMatchObject({ __typename: 'Group', id, description: 'line one\nline two\t', maxMembers: 7, open: false, viewerPendingRequest: null, permissions: [] });
    expect(new Date(group.data.group['createdAt'] as string).toISOString()).toBe(group.data.group['createdAt']);
    expect(group.data.group['metadata']).toEqual(metadata);
    expect(group.data.group['name']).toBe('Writers "quoted" \\ ünïcødé 🚀');
  });

  it("writes by the document's writer only an answer of data alone", async () => {
    const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt, resolve: () => 1 } } }) });
    const execution = compiledExecution<object>(schema);
    const { executor } = await execution.gateway!.load({ apollo: {} });
    const run = async () => {
      const document = parse('{ n }');
      const request = { document, operationName: null, queryHash: 'q', request: { variables: {} }, context: {} };
      return (await executor!(request as never)) as FormattedExecutionResult<Record<string, unknown>>;
    };
    // The writer knows the document's fields only: something added to data afterwards is not written.
    const result = await run();
    result.data!['extra'] = 2;
    expect(execution.stringifyResult(result)).toBe('{"data":{"n":1}}\n');
    // With errors (or extensions) the answer is written whole, as JSON.stringify writes it.
    const failed = await run();
    failed.data!['extra'] = 2;
    const withErrors = { errors: [{ message: 'x' }], data: failed.data };
    expect(execution.stringifyResult(withErrors)).toBe(`${JSON.stringify(withErrors)}\n`);
  });
});
