import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@gatehouse/shared';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('the one-port server', () => {
  it('answers /healthz with 200 while the database answers', async () => {
    const response = await app.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers { __typename } and the public serverInfo', async () => {
    const result = await app.gql<{ __typename: string; serverInfo: { name: string; version: string } }>(
      '{ __typename serverInfo { name version } }',
    );
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__typename).toBe('Query');
    expect(result.data?.serverInfo.name).toBe('Gatehouse');
    expect(result.data?.serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('tags every response with a request id, echoing a sane incoming one', async () => {
    const own = await app.fetch('/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers.get('x-request-id')).toBe('trace-123');
    const made = await app.fetch('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks GraphQL answers as not to be stored by any cache (they are per viewer)', async () => {
    const response = await app.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('does not serve the SPA when told not to, and 404s unknown paths as JSON', async () => {
    const response = await app.fetch('/nowhere');
    expect(response.status).toBe(404);
  });
});

describe('bad input never becomes a 500', () => {
  const post = (body: string, contentType = 'application/json') =>
    app.fetch('/graphql', { method: 'POST', headers: { 'content-type': contentType }, body });

  it('malformed JSON → 400 BAD_USER_INPUT (MALFORMED_JSON)', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; reason: string } }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_JSON' });
  });

  it('a body over the size limit → 413 BAD_USER_INPUT (REQUEST_TOO_LARGE)', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(LIMITS.maxRequestBytes)}` }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string; reason: string } }[] };
    expect(body.errors[0]?.extensions.reason).toBe('REQUEST_TOO_LARGE');
  });

  it('an unknown field → BAD_USER_INPUT with a plain message', async () => {
    const result = await app.gql('{ nope }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(result.errors?.[0]?.message).toContain('Cannot query field "nope"');
  });

  it('a syntax error → BAD_USER_INPUT (GRAPHQL_PARSE_FAILED)', async () => {
    const result = await app.gql('{ serverInfo { ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
  });

  it('inline fragments add no depth, so a flat query wrapped in them still runs', async () => {
    const nested = (n: number): string => (n === 0 ? 'serverInfo { name }' : `... on Query { ${nested(n - 1)} }`);
    expect((await app.gql(`{ ${nested(40)} }`)).errors).toBeUndefined();
  });

  it('a request that is not JSON and carries no preflight header is refused (CSRF), not run', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }), 'text/plain');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a variable of the wrong type → BAD_USER_INPUT, never a stack trace', async () => {
    const result = await app.gql('query ($n: Int!) { __typename }', { n: 'not a number' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at Object\.|node_modules/);
  });
});

describe('shutdown', () => {
  it('closes the database only after a request whose client gave up has finished its work', async () => {
    const own = await startTestApp();
    const ds = own.dataSource;
    const original = ds.query.bind(ds);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let outcome: 'answered' | 'failed' | undefined;
    // /healthz asks the database once: hold that statement until shutdown has begun.
    ds.query = (async (...args: Parameters<typeof original>) => {
      entered();
      await gate;
      try {
        const rows = await original(...args);
        outcome = 'answered';
        return rows;
      } catch (error) {
        outcome = 'failed';
        throw error;
      }
    }) as typeof ds.query;
    const client = new AbortController();
    const request = own.fetch('/healthz', { signal: client.signal }).catch(() => 'aborted');
    await inHandler;
    client.abort();
    expect(await request).toBe('aborted');
    const closed = own.close();
    // The drain has nothing left to wait for (the client's socket is gone); the handler still runs.
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await closed;
    expect(outcome).toBe('answered');
  });
});
