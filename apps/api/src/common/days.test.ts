import { describe, expect, it } from 'vitest';
import { dayEnded, expiryDay, expiryText, isTimeZone } from './days';

/** What the SPA stores for a day picked in a zone (apps/web/src/components/dates.ts, expiryOfDay). */
const PICKED: [zone: string, day: string, stored: string, offset: string][] = [
  ['UTC', '2027-02-10', '2027-02-10T23:59:59.999Z', 'UTC'],
  ['Europe/Berlin', '2027-02-10', '2027-02-10T22:59:59.999Z', 'UTC+01:00'],
  ['America/New_York', '2027-02-10', '2027-02-11T04:59:59.999Z', 'UTC−05:00'],
  ['Asia/Tokyo', '2027-02-10', '2027-02-10T14:59:59.999Z', 'UTC+09:00'],
  ['Asia/Kolkata', '2027-02-10', '2027-02-10T18:29:59.999Z', 'UTC+05:30'],
  ['Pacific/Honolulu', '2027-02-10', '2027-02-11T09:59:59.999Z', 'UTC−10:00'],
  ['Pacific/Auckland', '2027-02-10', '2027-02-10T10:59:59.999Z', 'UTC+13:00'],
  ['Pacific/Chatham', '2027-02-10', '2027-02-10T10:14:59.999Z', 'UTC+13:45'],
  ['America/New_York', '2026-11-01', '2026-11-02T04:59:59.999Z', 'UTC−05:00'],
  ['Europe/Berlin', '2026-03-29', '2026-03-29T21:59:59.999Z', 'UTC+02:00'],
];

describe('a picked day, read back on the server (SPEC §20)', () => {
  it.each(PICKED)('in %s, %s (stored %s) is that day in messages, with the zone’s offset %s', (zone, day, stored, offset) => {
    const at = new Date(stored);
    expect(dayEnded(at)?.day).toBe(day);
    expect(expiryText(at)).toBe(`${day} (end of the day, ${offset})`);
    // On a screen in the chooser's zone: the same day.
    expect(expiryDay(at, zone)).toBe(day);
  });

  it('writes any other instant in UTC, to the minute', () => {
    expect(dayEnded(new Date('2027-02-11T04:59:59.998Z'))).toBeNull();
    expect(dayEnded(new Date('2027-02-11T04:58:59.999Z'))).toBeNull();
    expect(expiryText(new Date('2027-02-11T04:12:34.567Z'))).toBe('2027-02-11 04:12 UTC');
  });

  it('reads an expiry as the day it falls on in the reader’s zone', () => {
    const ny = new Date('2027-02-11T04:59:59.999Z');
    expect(expiryDay(ny, 'America/New_York')).toBe('2027-02-10');
    expect(expiryDay(ny, 'UTC')).toBe('2027-02-11');
    expect(expiryDay(ny, 'Asia/Tokyo')).toBe('2027-02-11');
  });
});

describe('expiries saved before the day rule: the next midnight UTC', () => {
  const legacy = new Date('2027-04-01T00:00:00.000Z'); // 03/31 picked anywhere

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Pacific/Auckland'])('still show as the intended day in %s', (zone) => {
    expect(expiryDay(legacy, zone)).toBe('2027-03-31');
  });

  it('and in messages, as the end of that UTC day', () => {
    expect(expiryText(legacy)).toBe('2027-03-31 (end of the day, UTC)');
    expect(expiryText(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31 (end of the day, UTC)');
  });

  it('one millisecond either side is an ordinary instant', () => {
    expect(expiryDay(new Date('2027-04-01T00:00:00.001Z'), 'UTC')).toBe('2027-04-01');
    expect(expiryDay(new Date('2027-03-31T23:59:59.999Z'), 'UTC')).toBe('2027-03-31');
    expect(expiryDay(new Date('2027-04-01T00:00:00.001Z'), 'Asia/Tokyo')).toBe('2027-04-01');
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])('knows %s', (zone) => expect(isTimeZone(zone)).toBe(true));
  it.each(['', 'Mars/Olympus', 'not a zone', 'x'.repeat(65)])('refuses %j', (zone) => expect(isTimeZone(zone)).toBe(false));
});
