import { describe, expect, it } from 'vitest';
import { parseUtcTimestamp } from './timestamp';

// The fast path must agree with the general parse it replaces, for every form PostgreSQL prints.
describe('parseUtcTimestamp', () => {
  const general = (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
  it.each([
    '2026-11-30 17:36:38',
    '2026-11-30 17:36:38.6',
    '2026-11-30 17:36:38.64',
    '2026-11-30 17:36:38.642',
    '2026-11-30 17:36:38.642151',
    '1999-12-31 23:59:59.999999',
    '2024-02-29 00:00:00',
    '0100-01-01 00:00:00',
  ])('reads %s as the general parse does', (v) => {
    expect(parseUtcTimestamp(v).getTime()).toBe(general(v).getTime());
  });

  it('leaves the forms it does not read by position to the general parse', () => {
    expect(parseUtcTimestamp('infinity').getTime()).toBeNaN();
    expect(parseUtcTimestamp('0099-01-01 00:00:00').getTime()).toBe(general('0099-01-01 00:00:00').getTime());
    expect(parseUtcTimestamp('2026-11-30 17:36:38+02').getTime()).toBe(general('2026-11-30 17:36:38+02').getTime());
    expect(parseUtcTimestamp('2026-1x-30 17:36:38').getTime()).toBeNaN();
    expect(parseUtcTimestamp('2026-11-30 17:36:38.6x2').getTime()).toBeNaN();
    expect(parseUtcTimestamp('2026-11-30 17:36:38.642x51').getTime()).toBeNaN();
    expect(parseUtcTimestamp('2026-11-30 17:36:38.').getTime()).toBe(general('2026-11-30 17:36:38.').getTime());
  });
});
