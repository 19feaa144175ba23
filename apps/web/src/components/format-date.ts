// Kept for existing imports: the day ↔ instant rules and every date format live in ./dates.
import { dayOver, dayStart } from './dates';

export { formatDate, formatDateTime, formatExpiry, todayInputValue } from './dates';

/** The instant a YYYY-MM-DD day begins in the reader's time zone, as ISO; null when not a date. */
export function startOfLocalDay(value: string): string | null {
  return dayStart(value);
}

/**
 * The instant a YYYY-MM-DD day is over in the reader's time zone (the next day's start): an
 * exclusive bound for filters. For an expiry use `expiryOfDay` from ./dates (SPEC §20).
 */
export function endOfLocalDay(value: string): string | null {
  return dayOver(value);
}
