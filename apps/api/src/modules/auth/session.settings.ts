/** Session lifetimes: idle expiry rolls forward with use, never past the absolute limit. */
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
export const SESSION_ABSOLUTE_MS = 90 * 24 * 3600_000;
/** Last-seen / last-used stamps are written at most this often, so reads stay reads. */
export const TOUCH_INTERVAL_MS = 60_000;
