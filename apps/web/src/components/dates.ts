/**
 * The one place where days and instants meet (SPEC §20).
 *
 * A person picks a *day* (`<input type="date">`, YYYY-MM-DD); the server stores an *instant*. A day
 * picked as an expiry means the END of that day in the chooser's time zone — the last millisecond
 * before the next day starts there — so "expires on 10 Feb" keeps working through 10 Feb and every
 * screen that shows the instant back in that zone shows 10 Feb again. (Storing the next midnight
 * instead made every screen show the following day.) Every date picker and every date display in
 * the app goes through this module; the time zone is a parameter so tests can pin it, and defaults
 * to the reader's own.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;

interface Day {
  year: number;
  month: number;
  day: number;
}

/** The reader's IANA time zone ("Europe/Berlin"). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `instant`, as if it were UTC (milliseconds dropped). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (whole minutes). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((wallClock(wholeSecond, timeZone) - wholeSecond) / MINUTE) * MINUTE;
}

/**
 * The first instant whose wall clock in `timeZone` reads `day` 00:00 or later. Where midnight does
 * not exist (a DST change at midnight, e.g. America/Santiago), the day starts when the clocks jump.
 */
function startOf({ year, month, day }: Day, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two offsets can apply around a change; try each and keep the earliest instant that is on or
  // after local midnight.
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)];
  let best: number | null = null;
  for (const offset of candidates) {
    const instant = wall - offset;
    if (wallClock(instant, timeZone) >= wall && (best === null || instant < best)) best = instant;
  }
  return best ?? wall - offsetAt(wall, timeZone);
}

function parseDay(value: string): Day | null {
  const match = DAY.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function nextDay({ year, month, day }: Day): Day {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The instant a YYYY-MM-DD day begins in `timeZone`, as ISO; null when not a real date. */
export function dayStart(value: string, timeZone: string = localTimeZone()): string | null {
  const day = parseDay(value);
  return day ? new Date(startOf(day, timeZone)).toISOString() : null;
}

/**
 * The instant the day is over in `timeZone` (the next day's start), as ISO: an exclusive upper
 * bound, for filters ("until 1 March" = before 2 March begins). Null when not a real date.
 */
export function dayOver(value: string, timeZone: string = localTimeZone()): string | null {
  const day = parseDay(value);
  return day ? new Date(startOf(nextDay(day), timeZone)).toISOString() : null;
}

/**
 * A picked expiry day as the instant it means (SPEC §20): the last millisecond of that day in
 * `timeZone`. Null when not a real date.
 */
export function expiryOfDay(value: string, timeZone: string = localTimeZone()): string | null {
  const day = parseDay(value);
  return day ? new Date(startOf(nextDay(day), timeZone) - 1).toISOString() : null;
}

/** The day (YYYY-MM-DD) `iso` falls on in `timeZone`: what a date input shows for it. Null for nonsense. */
export function dayOf(iso: string | null | undefined, timeZone: string = localTimeZone()): string | null {
  if (!iso) return null;
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return null;
  return new Date(wallClock(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * Expiries saved before the day rule were the NEXT midnight UTC of the picked day, whatever the
 * chooser's zone (31 Mar became 2027-04-01T00:00:00Z). An expiry exactly at 00:00:00.000Z is read
 * as the end of the UTC day before it, in every zone — the day that was meant. A picked day never
 * lands on it (its end is …59.999), and an instant given as midnight UTC means the same instant:
 * the end of the day before. The server reads them alike (apps/api/src/common/days.ts).
 */
function legacyExpiryDay(instant: number): string | null {
  return instant % 86_400_000 === 0 ? new Date(instant - 1).toISOString().slice(0, 10) : null;
}

/**
 * The day (YYYY-MM-DD) an expiry shows as in `timeZone`: the day it falls on there, or for an old
 * midnight-UTC expiry the day before it. What an expiry's date input starts from. Null for nonsense.
 */
export function expiryDayOf(iso: string | null | undefined, timeZone: string = localTimeZone()): string | null {
  if (!iso) return null;
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return null;
  return legacyExpiryDay(instant) ?? dayOf(iso, timeZone);
}

/** Today as YYYY-MM-DD in `timeZone` (the `min` of a future-date input). */
export function todayInputValue(now: Date = new Date(), timeZone: string = localTimeZone()): string {
  return dayOf(now.toISOString(), timeZone) ?? '';
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "12 Mar 2026, 14:05" in the reader's locale and zone; an em dash for nothing. */
export function formatDateTime(iso: string | null | undefined, formatter: Intl.DateTimeFormat = DATE_TIME): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatter.format(date);
}

/** "12 Mar 2026": the day `iso` falls on in the reader's zone. For an expiry use `formatExpiry`. */
export function formatDate(iso: string | null | undefined, formatter: Intl.DateTimeFormat = DATE): string {
  return formatDateTime(iso, formatter);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "12 Mar 2026" for a YYYY-MM-DD day, in `locale`'s words (a day has no zone of its own). */
function formatDay(day: string, locale: string | undefined): string {
  const key = locale ?? '';
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormatters.set(key, formatter);
  }
  return formatter.format(new Date(`${day}T12:00:00Z`));
}

/**
 * An expiry as the day it shows as (SPEC §20): the day the instant falls on in the reader's zone —
 * for a day picked in that zone, that day — and for an old midnight-UTC expiry the day it meant
 * (`expiryDayOf`). An em dash for nothing.
 */
export function formatExpiry(iso: string | null | undefined, timeZone: string = localTimeZone(), locale?: string): string {
  const day = expiryDayOf(iso, timeZone);
  return day ? formatDay(day, locale) : '—';
}
