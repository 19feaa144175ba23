import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledClient, startTestApp, type TestApp } from '../../test/harness';
import { makeUser } from '../../test/factories';

/**
 * Overload is not a fault (issue 15): when every pooled PostgreSQL connection stays busy past the
 * wait, a request is refused with 503 and Retry-After, a sentence a person can act on, and the API's
 * code with reason BUSY — never a 500 "something went wrong"; and the server answers again as soon
 * as a connection frees up. PostgreSQL only (`.pg.test.ts`): SQLite has no pool.
 */
describe('a request that finds every database connection busy', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ DB_POOL_SIZE: '1' });
    token = (await makeUser(app)).token;
  });
  afterAll(() => app.close());

  it('is answered 503 with Retry-After and reason BUSY, and the next one after the pool frees is served', { timeout: 30_000 }, async () => {
    const held = await pooledClient(app);
    let released = false;
    try {
      const refused = await app.gql('{ me { id } }', {}, { token });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(refused.errors?.[0]?.message).toBe('The server is busy right now. Please try again in a moment.');
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'BUSY' });
      held.release();
      released = true;
      const served = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, { token });
      expect(served.status).toBe(200);
      expect(served.data?.me.id).toBeTruthy();
    } finally {
      if (!released) held.release();
    }
  });
});
