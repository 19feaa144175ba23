import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledClient, startTestApp, type TestApp } from '../../../test/harness';
import { makeGroup } from '../../../test/factories';
import { GroupTallyEntity } from './group-tally.entity';
import { GroupEntity } from './group.entity';

/**
 * group_tally's trigger takes its rows in one order (migration GroupTally): two transactions that
 * move groups between categories in opposite directions queue instead of deadlocking. Without the
 * ordered lock the second of these transactions took the listed row, waited for the public one,
 * and the first then waited for the listed one: PostgreSQL broke the deadlock by failing one.
 * PostgreSQL only (`.pg.test.ts`): SQLite has one writer.
 */
describe('group_tally under two writers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('two transactions moving groups across categories both commit, and the tally still equals a count', { timeout: 30_000 }, async () => {
    const publicGroup = await makeGroup(app, { public: true });
    const otherPublic = await makeGroup(app, { public: true });
    const listedGroup = await makeGroup(app, { public: false });
    const first = await pooledClient(app);
    const second = await pooledClient(app);
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await first.query('UPDATE user_group SET hidden = TRUE WHERE id = $1', [publicGroup.id]); // public → not listed
      const secondPid = (await second.query('SELECT pg_backend_pid() AS pid')).rows[0]!['pid'];
      const moved = second.query('UPDATE user_group SET public = TRUE WHERE id = $1', [listedGroup.id]).then(() => second.query('COMMIT')); // listed → public
      // Until the second transaction waits on a lock the first holds.
      for (let i = 0; i < 200; i++) {
        const waiting = await app.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [secondPid]);
        if (waiting.length > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await first.query('UPDATE user_group SET public = FALSE WHERE id = $1', [otherPublic.id]); // public → listed
      await first.query('COMMIT');
      await moved;
    } finally {
      first.release();
      second.release();
    }
    const groups = await app.dataSource.manager.find(GroupEntity);
    const counted: Record<string, number> = { PUBLIC: 0, LISTED: 0, UNLISTED: 0 };
    for (const g of groups) counted[g.internal || g.hidden ? 'UNLISTED' : g.public ? 'PUBLIC' : 'LISTED']! += 1;
    const tally = Object.fromEntries((await app.dataSource.manager.find(GroupTallyEntity)).map((t) => [t.category, t.groups]));
    expect(tally).toEqual(counted);
  });
});
