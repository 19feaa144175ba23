import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeCast, type Cast } from '../../test/factories';

/**
 * Operations run compiled (compiled-execution.ts). What a client sees must be what graphql-js's
 * interpreter gave: the same data, errors with their codes, paths and locations, variables that do
 * not coerce refused as BAD_USER_INPUT with HTTP 400, and each operation of a document by its name.
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
});
