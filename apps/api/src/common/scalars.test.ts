import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './scalars';

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
});
