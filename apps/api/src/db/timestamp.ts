// PostgreSQL's text form of a `timestamp` and SQLite's `datetime` text share one layout, UTC here
// (see data-source.ts).

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/**
 * PostgreSQL's text form of a `timestamp` ('2026-11-30 17:36:38.642151') as a UTC Date. Read by
 * position — string-to-Date parsing showed in the profile of a resources page (docs/performance.md; two
 * timestamps a row). Anything else (BC dates, infinity, a zone suffix) takes the general parse.
 */
export function parseUtcTimestamp(value: string): Date {
  const shaped = value.length >= 19 && value[4] === '-' && value[7] === '-' && value[10] === ' ' && value[13] === ':' && value[16] === ':';
  const fraction = value.length > 20 && value[19] === '.' ? value.slice(20) : value.length === 19 ? '' : null;
  if (shaped && fraction !== null) {
    const year = digits(value, 0, 4);
    const time = Date.UTC(year, digits(value, 5, 7) - 1, digits(value, 8, 10), digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19), fraction ? digits(`${fraction}00`, 0, 3) : 0);
    // Date.UTC reads years 0–99 as 1900–1999; NaN means a character was not a digit.
    if (year >= 100 && !Number.isNaN(time) && !Number.isNaN(digits(fraction, 0, fraction.length))) return new Date(time);
  }
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** A timestamp column read by hand-written SQL (a Date from pg, text from SQLite), or null. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : parseUtcTimestamp(String(value));
}
