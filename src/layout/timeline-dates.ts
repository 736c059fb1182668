// The calendar's UTC dates in English without Intl. A page's first Intl.DateTimeFormat loads ICU's
// date data (20–40 ms in headless Chromium, more than the rest of the calendar's axis and lanes);
// for en and en-US these give the same strings as utcDate (a differential test against
// Intl.DateTimeFormat keeps them honest); every other locale, unit or year goes to utcDate.
import { utcDate, type DateUnit } from '../shared/format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** en and en-US (CLDR's "Sep 5, 2026"); en-GB, en-AU… write "5 Sept 2026". */
function plainEnglish(locale: string | undefined): boolean {
  const tag = locale ?? (globalThis as { navigator?: { language?: string } }).navigator?.language;
  return typeof tag === 'string' && /^en(-US)?$/i.test(tag);
}

/** utcDate(ms, unit, locale), without Intl for English dates of years 1–9999. */
export function calendarDate(ms: number, unit: DateUnit, locale?: string): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (unit === 'hour' || !(y >= 1 && y <= 9999) || !plainEnglish(locale)) return utcDate(ms, unit, locale);
  const m = MONTHS[d.getUTCMonth()]!;
  const day = d.getUTCDate();
  return unit === 'year'
    ? `${y}`
    : unit === 'month'
      ? `${m} ${y}`
      : unit === 'full'
        ? `${m} ${day}, ${y}`
        : `${m} ${day}`;
}
