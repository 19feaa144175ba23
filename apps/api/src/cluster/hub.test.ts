import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Hub, type WorkerPort } from './hub';
import type { PrimaryMessage } from './messages';
import { workerLink } from './worker-link';

/**
 * The primary's hub and the workers' links wired together in one process: each fake worker's
 * messages go straight to the hub, the hub's straight back (as Node's IPC would carry them).
 */
function cluster(count: number, options: { deaf?: number[]; ackTimeoutMs?: number } = {}) {
  const log = pino({ level: 'silent' });
  const forgotten: number[] = [];
  const killed: number[] = [];
  const ports: WorkerPort[] = [];
  const listeners = new Map<number, (m: unknown) => void>();
  const hub = new Hub(() => ports, log, options.ackTimeoutMs ?? 200);
  const links = Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const port: WorkerPort = {
      id,
      send: (m: PrimaryMessage) => setImmediate(() => listeners.get(id)?.(structuredClone(m))),
      kill: () => killed.push(id),
    };
    ports.push(port);
    const deaf = options.deaf?.includes(id);
    return workerLink(
      () => forgotten.push(id),
      (m) => setImmediate(() => void hub.onMessage(port, structuredClone(m))),
      (handler) => listeners.set(id, (m) => (deaf && (m as { gh: string }).gh === 'forgetSettings' ? undefined : handler(m))),
    );
  });
  return { links, forgotten, killed };
}

describe('the cluster hub and worker links', () => {
  it('a settings change returns only after every other worker dropped its cached settings', async () => {
    const { links, forgotten } = cluster(3);
    await links[0]!.settingsChanged();
    expect(forgotten.sort()).toEqual([2, 3]);
  });

  it('ends a worker that does not acknowledge in time, rather than leave it answering from old settings', async () => {
    const { links, forgotten, killed } = cluster(3, { deaf: [3], ackTimeoutMs: 50 });
    await links[0]!.settingsChanged();
    expect(forgotten).toEqual([2]);
    expect(killed).toEqual([3]);
  });

  it('counts failed sign-ins in one place for every worker', async () => {
    const { links } = cluster(2);
    for (let i = 0; i < 10; i++) await links[i % 2]!.signInLimiter.fail('account', 'a@example.org');
    expect(await links[0]!.signInLimiter.retryAfter('account', 'a@example.org')).toBeGreaterThan(0);
    expect(await links[1]!.signInLimiter.retryAfter('account', 'a@example.org')).toBeGreaterThan(0);
    expect(await links[1]!.signInLimiter.retryAfter('address', 'a@example.org')).toBe(0); // another bucket
    await links[1]!.signInLimiter.clear('account', 'a@example.org');
    expect(await links[0]!.signInLimiter.retryAfter('account', 'a@example.org')).toBe(0);
  });

  it('ignores messages that are not its own (other users of the IPC channel)', async () => {
    const sent: PrimaryMessage[] = [];
    const port: WorkerPort = { id: 1, send: (m) => sent.push(m), kill: () => {} };
    const hub = new Hub(() => [port], pino({ level: 'silent' }));
    for (const foreign of [null, 'text', { cmd: 'NODE_CLUSTER' }, { gh: 'limiter' }, { gh: 42, id: 1 }]) await hub.onMessage(port, foreign);
    expect(sent).toEqual([]);
    await hub.onMessage(port, { gh: 'limiter', id: 7, op: 'retryAfter', bucket: 'account', key: 'x' });
    expect(sent).toEqual([{ gh: 'reply', id: 7, value: 0 }]);
  });
});
