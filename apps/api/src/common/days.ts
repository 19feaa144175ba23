/**
 * Expiries as days, on the server (SPEC §20). The SPA turns a picked day into the LAST
 * millisecond of that day in the chooser's time zone (apps/web/src/components/dates.ts), so a
 * stored expiry such as 2027-02-11T04:59:59.999Z is "10 Feb 2027 in New York". The server is never
 * told the chooser's zone, but the instant carries it: one millisecond later is a midnight there,
 * so the time of day of that midnight in UTC is the zone's offset (modulo a day). Messages and
 * emails name that day with that offset ("2027-02-10 (end of the day, UTC−05:00)") — the day that
 * was picked, with its zone, for every recipient; anything that is not a day's end is written as
 * the instant in UTC ("2027-02-11 04:59 UTC").
 *
 * A day's end names an offset only modulo 24 hours: offsets from −10:00 to +13:45 are assumed (26
 * hours of real offsets do not fit in 24). Only UTC−11, UTC−12 and UTC+14 are read in the
 * neighbouring offset a day away — and even then the words name the same instant.
 *
 * Expiries saved before the day rule were the NEXT midnight UTC of the picked day, whatever the
 * chooser's zone (03/31 became 2027-04-01T00:00:00Z). An expiry exactly at 00:00:00.000Z is read
 * as the end of the UTC day before it — everywhere: on screens, in the audit log and in messages.
 * A picked day never lands on it (a day's end is …59.999).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const QUARTER_HOUR = 15 * MINUTE;
/** The offsets assumed for a day's end: [−10:00, +14:00). */
const EAST_MOST = 14 * 60 * MINUTE;

/** Whether `zone` is an IANA time zone this server knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD: the day `at` falls on in `timeZone`. */
export function dayIn(at: Date | number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** Whether an expiry is the old encoding: exactly midnight UTC. */
const isLegacyMidnight = (instant: number) => instant % DAY === 0;

/**
 * The day an expiry shows as in `timeZone` (default UTC), YYYY-MM-DD: the day the instant falls
 * on there — for an old-style expiry at exactly midnight UTC, the UTC day before it.
 */
export function expiryDay(at: Date, timeZone = 'UTC'): string {
  const instant = at.getTime();
  return isLegacyMidnight(instant) ? dayIn(instant - 1, 'UTC') : dayIn(instant, timeZone);
}

/** "UTC", "UTC+09:00", "UTC−05:00" (a true minus sign, as written). */
function offsetName(offset: number): string {
  if (offset === 0) return 'UTC';
  const minutes = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `UTC${offset > 0 ? '+' : '−'}${hh}:${mm}`;
}

/**
 * When `at` ends a day somewhere — a picked day (…59.999 before a quarter-hour) or an old-style
 * midnight UTC — that day and the offset of its zone; otherwise null.
 */
export function dayEnded(at: Date): { day: string; offset: number } | null {
  const instant = at.getTime();
  if (isLegacyMidnight(instant)) return { day: dayIn(instant - 1, 'UTC'), offset: 0 };
  const midnight = instant + 1;
  if (midnight % QUARTER_HOUR !== 0) return null;
  // Midnight in a zone at offset o is o before midnight UTC: the UTC time of day is −o (mod a day).
  const timeOfDay = ((midnight % DAY) + DAY) % DAY;
  const offset = timeOfDay === 0 ? 0 : timeOfDay > DAY - EAST_MOST ? DAY - timeOfDay : -timeOfDay;
  return { day: dayIn(instant + offset, 'UTC'), offset };
}

/**
 * An expiry as messages and emails write it, with its zone (SPEC §20): a day's end as that day
 * and the zone's offset ("2027-02-10 (end of the day, UTC−05:00)"), any other instant in UTC to
 * the minute ("2027-02-11 04:59 UTC").
 */
export function expiryText(at: Date): string {
  const ended = dayEnded(at);
  if (ended) return `${ended.day} (end of the day, ${offsetName(ended.offset)})`;
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
