import { describe, expect, it } from 'vitest';
import { endOfLocalDay, formatDateTime, startOfLocalDay, todayInputValue } from './format-date';

describe('formatDateTime', () => {
  it('shows a dash for nothing or nonsense', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('formats with the formatter it is given', () => {
    const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    expect(formatDateTime('2026-03-12T14:05:00Z', utc)).toBe('12 Mar 2026, 14:05');
  });
});

describe('startOfLocalDay / endOfLocalDay', () => {
  it('gives local midnight at the start and the next midnight at the end', () => {
    const start = new Date(startOfLocalDay('2026-03-12') ?? '');
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 2, 12, 0]);
    const end = new Date(endOfLocalDay('2026-03-12') ?? '');
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2026, 2, 13, 0]);
  });

  it('crosses month and year ends', () => {
    const end = new Date(endOfLocalDay('2026-12-31') ?? '');
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2027, 0, 1]);
  });

  it.each(['', '2026-02-30', '12/03/2026', '2026-3-1'])('rejects %j', (value) => {
    expect(startOfLocalDay(value)).toBeNull();
    expect(endOfLocalDay(value)).toBeNull();
  });
});

describe('todayInputValue', () => {
  it('pads month and day', () => {
    expect(todayInputValue(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
