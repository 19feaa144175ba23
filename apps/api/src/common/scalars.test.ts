import { describe, expect, it } from 'vitest';
import { DateTimeScalar, isoString } from './scalars';

describe('DateTime scalar', () => {
  it('answers the ISO string JSON.stringify would write for the Date', () => {
    const at = new Date('2026-12-06T13:45:01.234Z');
    expect(DateTimeScalar.serialize(at)).toBe('2026-12-06T13:45:01.234Z');
    expect(JSON.stringify({ at: DateTimeScalar.serialize(at) })).toBe(JSON.stringify({ at }));
    expect(DateTimeScalar.serialize('2026-12-06T14:45:01.234+01:00')).toBe('2026-12-06T13:45:01.234Z');
  });

  it('refuses what is not a date, as graphql-scalars does', () => {
    expect(() => DateTimeScalar.serialize(new Date('not a date'))).toThrow();
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow();
    expect(DateTimeScalar.parseValue('2026-12-06T13:45:01.234Z')).toEqual(new Date('2026-12-06T13:45:01.234Z'));
  });

  it('writes every Date as toISOString does', () => {
    const edges = ['0099-12-31T23:59:59.999Z', '0999-01-01T00:00:00.000Z', '1000-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2026-02-28T09:05:07.008Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z', '-000001-06-15T12:00:00.050Z'];
    for (const text of edges) expect(isoString(new Date(text))).toBe(new Date(text).toISOString());
    for (let t = Date.UTC(2020, 0, 1), i = 0; i < 5000; i++, t += 7_919_731_337) expect(isoString(new Date(t))).toBe(new Date(t).toISOString());
  });
});
