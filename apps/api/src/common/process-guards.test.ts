import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { guardProcess, type GuardedProcess } from './process-guards';

/** A process stand-in: its events are emitted by the test; exit only records the code. */
function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const proc = Object.assign(events, { exit: (code: number) => void exits.push(code) }) as unknown as GuardedProcess & EventEmitter;
  const lines: { level: number; msg: string; err?: { message: string } }[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  const log = pino({ level: 'info' }, out);
  return { proc, exits, lines, log };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('guardProcess', () => {
  it('logs an unhandled rejection as an error and neither stops nor exits', async () => {
    const { proc, exits, lines, log } = fakeProcess();
    let stops = 0;
    guardProcess(log, proc).stopWith(() => void stops++);
    proc.emit('unhandledRejection', new Error('nobody awaited me'));
    proc.emit('unhandledRejection', 'not even an Error');
    await settle();
    expect(lines).toMatchObject([
      { level: 50, msg: expect.stringContaining('unhandled promise rejection'), err: { message: 'nobody awaited me' } },
      { level: 50, msg: expect.stringContaining('unhandled promise rejection'), err: 'not even an Error' },
    ]);
    expect(stops).toBe(0);
    expect(exits).toEqual([]);
  });

  it('logs an uncaught exception as fatal and stops (drain, exit 1) once the server serves', async () => {
    const { proc, exits, lines, log } = fakeProcess();
    let stops = 0;
    guardProcess(log, proc).stopWith(() => void stops++);
    proc.emit('uncaughtException', new Error('state unknown'), 'uncaughtException');
    await settle();
    expect(lines).toMatchObject([{ level: 60, msg: expect.stringContaining('uncaught exception'), err: { message: 'state unknown' } }]);
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
  });

  it('exits 1 at once on an uncaught exception before the server serves', async () => {
    const { proc, exits, lines, log } = fakeProcess();
    guardProcess(log, proc);
    proc.emit('uncaughtException', new Error('during start'), 'uncaughtException');
    await settle();
    expect(lines).toMatchObject([{ level: 60 }]);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when stopping itself throws', async () => {
    const { proc, exits, lines, log } = fakeProcess();
    guardProcess(log, proc).stopWith(() => {
      throw new Error('cannot stop');
    });
    proc.emit('uncaughtException', new Error('state unknown'), 'uncaughtException');
    await settle();
    expect(lines.map((l) => l.level)).toEqual([60, 60]);
    expect(exits).toEqual([1]);
  });
});
