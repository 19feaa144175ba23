import { describe, expect, it } from 'vitest';
import { dayOf, dayOver, dayStart, expiryDayOf, expiryOfDay, formatExpiry, todayInputValue } from './dates';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Santiago'];

// Every day of 2026–2027 around the DST changes of the zones above, plus month and year ends.
const DAYS = [
  '2026-01-01', '2026-02-28', '2026-03-08', '2026-03-09', '2026-03-28', '2026-03-29', '2026-03-30',
  '2026-04-04', '2026-04-05', '2026-09-05', '2026-09-06', '2026-09-27', '2026-10-24', '2026-10-25',
  '2026-10-26', '2026-11-01', '2026-11-02', '2026-12-31', '2027-02-10', '2027-03-31', '2028-02-29',
];

describe('expiryOfDay: a picked day is the end of that day in the chooser’s zone (SPEC §20)', () => {
  it.each(ZONES)('reads back as the same day in %s, on every DST and month edge', (zone) => {
    for (const day of DAYS) {
      const instant = expiryOfDay(day, zone);
      expect(dayOf(instant, zone), `${day} in ${zone}`).toBe(day);
      // …and one millisecond later it is the next day there.
      const after = new Date(new Date(instant ?? '').getTime() + 1).toISOString();
      expect(after).toBe(dayOver(day, zone));
      expect(dayOf(after, zone)).not.toBe(day);
    }
  });

  it('gives the exact instants for the issue’s examples', () => {
    expect(expiryOfDay('2027-02-10', 'UTC')).toBe('2027-02-10T23:59:59.999Z');
    expect(expiryOfDay('2027-02-10', 'Europe/Berlin')).toBe('2027-02-10T22:59:59.999Z');
    expect(expiryOfDay('2027-02-10', 'America/New_York')).toBe('2027-02-11T04:59:59.999Z');
    expect(expiryOfDay('2027-02-10', 'Asia/Tokyo')).toBe('2027-02-10T14:59:59.999Z');
    expect(expiryOfDay('2027-03-31', 'UTC')).toBe('2027-03-31T23:59:59.999Z');
  });

  it('follows the offset that applies at the end of a DST change day', () => {
    // Berlin springs forward on 29 March 2026: the day ends at 24:00 CEST (+02:00).
    expect(expiryOfDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T21:59:59.999Z');
    expect(dayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    // New York falls back on 1 November 2026: a 25-hour day, ending at 24:00 EST (−05:00).
    expect(dayStart('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
    expect(expiryOfDay('2026-11-01', 'America/New_York')).toBe('2026-11-02T04:59:59.999Z');
  });

  it('starts a day whose midnight does not exist when the clocks jump (Santiago, 6 September 2026)', () => {
    const start = dayStart('2026-09-06', 'America/Santiago');
    expect(dayOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayOf(new Date(new Date(start ?? '').getTime() - 1).toISOString(), 'America/Santiago')).toBe('2026-09-05');
  });

  it.each(['', '2026-02-30', '12/03/2026', '2026-3-1', '2026-13-01'])('rejects %j', (value) => {
    expect(expiryOfDay(value, 'UTC')).toBeNull();
    expect(dayStart(value, 'UTC')).toBeNull();
    expect(dayOver(value, 'UTC')).toBeNull();
  });
});

describe('dayOf', () => {
  it('is the day the instant falls on in the zone', () => {
    const instant = '2027-02-10T23:30:00Z';
    expect(dayOf(instant, 'UTC')).toBe('2027-02-10');
    expect(dayOf(instant, 'Asia/Tokyo')).toBe('2027-02-11');
    expect(dayOf(instant, 'America/New_York')).toBe('2027-02-10');
  });

  it('is null for nothing or nonsense', () => {
    expect(dayOf(null)).toBeNull();
    expect(dayOf('not a date')).toBeNull();
  });
});

describe('todayInputValue', () => {
  it('is today in the given zone', () => {
    const now = new Date('2026-06-30T22:30:00Z');
    expect(todayInputValue(now, 'UTC')).toBe('2026-06-30');
    expect(todayInputValue(now, 'Europe/Berlin')).toBe('2026-07-01');
    expect(todayInputValue(now, 'America/New_York')).toBe('2026-06-30');
  });
});

describe('expiryDayOf / formatExpiry: an expiry shows as the day that was picked', () => {
  it.each(ZONES)('a day picked in %s shows as that day there, on every DST and month edge', (zone) => {
    for (const day of DAYS) {
      const instant = expiryOfDay(day, zone);
      expect(expiryDayOf(instant, zone), `${day} in ${zone}`).toBe(day);
      expect(formatExpiry(instant, zone, 'en-US')).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)));
    }
  });

  it('is read in the viewer’s zone: west of UTC sees the day picked there, not the UTC day after', () => {
    const pickedInNewYork = '2027-02-11T04:59:59.999Z';
    expect(formatExpiry(pickedInNewYork, 'America/New_York', 'en-US')).toBe('Feb 10, 2027');
    expect(formatExpiry(pickedInNewYork, 'UTC', 'en-US')).toBe('Feb 11, 2027');
    const pickedInTokyo = '2027-02-10T14:59:59.999Z';
    expect(formatExpiry(pickedInTokyo, 'Asia/Tokyo', 'en-US')).toBe('Feb 10, 2027');
    expect(formatExpiry(pickedInTokyo, 'America/New_York', 'en-US')).toBe('Feb 10, 2027');
  });

  // Before the day rule, 31 Mar was stored as the next midnight UTC, whatever the zone.
  it.each(ZONES)('an old expiry at exactly midnight UTC still shows as the day meant, in %s', (zone) => {
    expect(expiryDayOf('2027-04-01T00:00:00Z', zone)).toBe('2027-03-31');
    expect(expiryDayOf('2027-01-01T00:00:00.000Z', zone)).toBe('2026-12-31');
    expect(formatExpiry('2027-04-01T00:00:00Z', zone, 'en-US')).toBe('Mar 31, 2027');
  });

  it('only exactly midnight UTC is read that way: a millisecond later is an ordinary instant', () => {
    expect(expiryDayOf('2027-04-01T00:00:00.001Z', 'UTC')).toBe('2027-04-01');
    expect(expiryDayOf('2027-04-01T00:00:00.001Z', 'Asia/Tokyo')).toBe('2027-04-01');
    expect(expiryDayOf('2027-03-31T23:59:59.999Z', 'UTC')).toBe('2027-03-31');
  });

  it('is a dash or null for nothing or nonsense', () => {
    expect(formatExpiry(null)).toBe('—');
    expect(formatExpiry('not a date')).toBe('—');
    expect(expiryDayOf(undefined)).toBeNull();
  });
});
