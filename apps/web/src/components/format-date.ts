const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "12 Mar 2026, 14:05" in the reader's locale; an em dash for nothing. */
export function formatDateTime(iso: string | null | undefined, formatter: Intl.DateTimeFormat = DATE_TIME): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatter.format(date);
}

/** "12 Mar 2026". */
export function formatDate(iso: string | null | undefined, formatter: Intl.DateTimeFormat = DATE): string {
  return formatDateTime(iso, formatter);
}

/**
 * The value of an `<input type="date">` (YYYY-MM-DD, a day in the reader's time zone) as the
 * instant that day *ends*: "expires on 12 March" keeps working through 12 March. Null when empty
 * or not a real date.
 */
export function endOfLocalDay(value: string): string | null {
  const start = startOfLocalDay(value);
  if (!start) return null;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The instant a YYYY-MM-DD day begins in the reader's time zone, as ISO; null when not a date. */
export function startOfLocalDay(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}

/** Today as YYYY-MM-DD in the reader's time zone (the `min` of a future-date input). */
export function todayInputValue(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
