import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logDestination, MAX_LOG_BACKLOG_BYTES } from './log-destination';

describe('logDestination', () => {
  it('stops writing, without throwing, once the stream has failed (EPIPE: the reader has gone)', async () => {
    let writes = 0;
    const out = new Writable({
      write(_chunk, _encoding, done) {
        writes += 1;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const destination = logDestination(out);
    destination.write('{"msg":"one"}\n');
    await new Promise((r) => setImmediate(r));
    expect(() => destination.write('{"msg":"two"}\n')).not.toThrow();
    expect(writes).toBe(1);
  });

  it('drops lines while the reader has stopped reading, and says how many once it reads again', () => {
    const pending: (() => void)[] = [];
    const written: string[] = [];
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        pending.push(done);
      },
    });
    const destination = logDestination(out);
    const line = `${'x'.repeat(1023)}\n`;
    const fits = MAX_LOG_BACKLOG_BYTES / line.length;
    for (let i = 0; i < fits + 10; i++) destination.write(line);
    expect(out.writableLength).toBeLessThanOrEqual(MAX_LOG_BACKLOG_BYTES + line.length);
    // The reader reads everything queued.
    while (pending.length) pending.shift()!();
    destination.write('{"msg":"after"}\n');
    while (pending.length) pending.shift()!();
    const notice = JSON.parse(written.at(-2)!) as { level: number; dropped: number; msg: string };
    expect(notice).toMatchObject({ level: 40, msg: expect.stringContaining('dropped') });
    expect(notice.dropped).toBeGreaterThanOrEqual(9);
    expect(written.at(-1)).toBe('{"msg":"after"}\n');
  });

  it('is one destination per stream, so loggers share one error listener', () => {
    const out = new Writable({ write: (_c, _e, done) => done() });
    expect(logDestination(out)).toBe(logDestination(out));
    expect(out.listenerCount('error')).toBe(1);
  });
});
