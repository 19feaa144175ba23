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
  const length = value.length;
  // '-' 45, ' ' 32, ':' 58, '.' 46 — compared as codes, and the fraction read in place: the
  // directory reads two timestamps a row, and slicing out the fraction showed in its profile.
  const shaped = length >= 19 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && value.charCodeAt(10) === 32 && value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58;
  if (shaped && (length === 19 || (length > 20 && value.charCodeAt(19) === 46))) {
    const year = digits(value, 0, 4);
    // Milliseconds: the fraction's first three digits (fewer are padded), the rest only checked.
    const msEnd = Math.min(length, 23);
    const ms = length === 19 ? 0 : digits(value, 20, msEnd) * (msEnd === 21 ? 100 : msEnd === 22 ? 10 : 1);
    const time = Date.UTC(year, digits(value, 5, 7) - 1, digits(value, 8, 10), digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19), ms);
    // Date.UTC reads years 0–99 as 1900–1999; NaN means a character was not a digit.
    if (year >= 100 && !Number.isNaN(time) && !Number.isNaN(digits(value, msEnd, length))) return new Date(time);
  }
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** A timestamp column read by hand-written SQL (a Date from pg, text from SQLite), or null. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : parseUtcTimestamp(String(value));
}
