import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { Db } from '../../db/db';
import { OutboundAttemptEntity } from './outbound-attempt.entity';
import { OutboundMessageEntity } from './outbound-message.entity';
import { enqueueOutbound } from './outbound';
import { claimDue, recordAttempts } from './outbound.repository';

let app: TestApp;
let db: Db;
beforeAll(async () => {
  app = await startTestApp();
  db = new Db(app.dataSource);
});
afterAll(() => app.close());

const ok = (statusCode: number) => ({ ok: true, statusCode, durationMs: 12.4, error: null, response: `answer ${statusCode}` });

describe('recordAttempts (the worker records a lane\'s sends in one transaction)', () => {
  it('records each outcome as recordAttempt would, with the batch\'s successes together, and only while the claim holds', async () => {
    const target = randomUUID();
    await db.transaction((tx) => enqueueOutbound(tx, [1, 2, 3, 4, 5].map((n) => ({ channel: 'WEBHOOK' as const, targetId: target, orderingKey: `k-${target}`, eventId: n }))));
    const { owner, messages } = await db.transaction((tx) =>
      claimDue(tx, db.dialect, { channels: ['WEBHOOK'], now: new Date(Date.now() + 1000), leaseMs: 60_000, limit: 50, perKey: 50 }),
    );
    const mine = messages.filter((m) => m.targetId === target);
    expect(mine.map((m) => m.eventId)).toEqual([1, 2, 3, 4, 5]);
    const [first, noAttemptRow, takenOver, failed, last] = mine as [OutboundMessageEntity, OutboundMessageEntity, OutboundMessageEntity, OutboundMessageEntity, OutboundMessageEntity];
    // A message whose PENDING attempt row is gone (the success inserts it), and one whose lease
    // lapsed and another server claimed (not this server's to record).
    await app.dataSource.manager.delete(OutboundAttemptEntity, { messageId: noAttemptRow.id });
    await app.dataSource.manager.update(OutboundMessageEntity, { id: takenOver.id }, { leaseOwner: 'another-server' });

    const at = new Date(Date.UTC(2026, 11, 6, 3, 4, 5, 678));
    const statuses = await db.transaction((tx) =>
      recordAttempts(
        tx,
        db.dialect,
        [
          { message: first, outcome: ok(200), now: at },
          { message: noAttemptRow, outcome: ok(204), now: at },
          { message: takenOver, outcome: ok(200), now: at },
          { message: last, outcome: ok(202), now: at },
          { message: failed, outcome: { ok: false, statusCode: 500, durationMs: 3, error: 'HTTP 500', response: 'nope' }, now: at },
        ],
        owner,
        [60_000],
      ),
    );
    expect(statuses).toEqual(['SUCCEEDED', 'SUCCEEDED', null, 'SUCCEEDED', 'RETRYING']);

    const rows = await app.dataSource.manager.findBy(OutboundMessageEntity, { targetId: target });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const m of [first, noAttemptRow, last]) {
      expect(byId.get(m.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 1, nextAttemptAt: null, leaseUntil: null, leaseOwner: null });
    }
    expect(byId.get(takenOver.id)).toMatchObject({ status: 'PENDING', attempts: 0, leaseOwner: 'another-server' });
    expect(byId.get(failed.id)).toMatchObject({ status: 'RETRYING', attempts: 1, leaseOwner: null });

    const attempts = await app.dataSource.manager.find(OutboundAttemptEntity, { where: { targetId: target }, order: { attempt: 'ASC' } });
    const of = (id: string) => attempts.filter((a) => a.messageId === id).map((a) => ({ attempt: a.attempt, status: a.status, code: a.statusCode, ms: a.durationMs, at: a.attemptedAt?.toISOString() ?? null, response: a.response }));
    expect(of(first.id)).toEqual([{ attempt: 1, status: 'SUCCEEDED', code: 200, ms: 12, at: at.toISOString(), response: 'answer 200' }]);
    expect(of(noAttemptRow.id)).toEqual([{ attempt: 1, status: 'SUCCEEDED', code: 204, ms: 12, at: at.toISOString(), response: 'answer 204' }]);
    expect(of(last.id)).toEqual([{ attempt: 1, status: 'SUCCEEDED', code: 202, ms: 12, at: at.toISOString(), response: 'answer 202' }]);
    expect(of(takenOver.id)).toEqual([{ attempt: 1, status: 'PENDING', code: null, ms: null, at: null, response: null }]);
    expect(of(failed.id)).toEqual([
      { attempt: 1, status: 'RETRYING', code: 500, ms: 3, at: at.toISOString(), response: 'nope' },
      { attempt: 2, status: 'PENDING', code: null, ms: null, at: null, response: null },
    ]);
  });
});
