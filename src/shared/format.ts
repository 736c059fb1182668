// Number and date formatting with Intl, cached per locale and kind: building an Intl.NumberFormat
// costs far more than calling format(), and a scorecard formats hundreds of values per render.
// A missing value is "–" with the words "Not measured", never 0 (SPEC §1).
import type { EvaluatedNode, Unit } from '../engine/types.js';
import { englishFormatter, isPlainEnglish, localeTag, type NumberFormatLike } from './number-en.js';

export const MISSING = '–';
export const NOT_MEASURED = 'Not measured';

const cache = new Map<string, NumberFormatLike>();

function nf(locale: string | undefined, key: string, options: Intl.NumberFormatOptions): NumberFormatLike {
  const k = `${locale ?? ''}|${key}`;
  let f = cache.get(k);
  if (!f) {
    // a value that rounds to zero reads "0", not "-0" (-0.02 days, -0.001 $), unless asked otherwise
    options = { signDisplay: 'negative', ...options };
    // English pages skip Intl (and its 20–40 ms ICU start-up) for the plain number formats
    f = (isPlainEnglish(locale) && englishFormatter(options)) || intl(locale, options);
    cache.set(k, f);
  }
  return f;
}

function intl(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // an invalid locale tag or currency code must not break the widget
    const { currency: _c, ...rest } = options;
    return new Intl.NumberFormat(undefined, {
      ...rest,
      style: options.style === 'currency' ? 'decimal' : options.style,
    });
  }
}

/**
 * Build the common formatter of a locale ahead of use. The first Intl.NumberFormat of a page loads
 * ICU data (15–30 ms in headless Chromium, later ones take ~0.1 ms whatever the locale), which would
 * otherwise land on the first render after data arrives.
 */
export function warmFormatters(locale?: string): void {
  if (!isPlainEnglish(locale)) intl(locale, { maximumFractionDigits: 1 });
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A score on 0..100, at most one decimal: "72", "67.5". */
export function formatScore(score: number | null | undefined, locale?: string): string {
  return isNum(score) ? nf(locale, 'score', { maximumFractionDigits: 1 }).format(score) : MISSING;
}

/** A share 0..1 as a percentage: 0.82 -> "82%". */
export function formatShare(share: number | null | undefined, locale?: string): string {
  return isNum(share) ? nf(locale, 'share', { style: 'percent', maximumFractionDigits: 0 }).format(share) : MISSING;
}

/** Points of a score with one fixed decimal, signed: "+6.0 pts" (gains, contributions, deltas). */
export function formatPoints(points: number | null | undefined, locale?: string, signed = true): string {
  if (!isNum(points)) return MISSING;
  const f = nf(locale, signed ? 'pts+' : 'pts', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'negative',
  });
  return `${f.format(points)} pts`;
}

export interface FormattedDelta {
  /** "▲ +3.2 pts", "▼ −1.5 pts", "■ 0.0 pts", or "–". */
  text: string;
  arrow: '▲' | '▼' | '■' | '';
  direction: 'up' | 'down' | 'flat' | 'none';
  /** For screen readers: "up 3.2 points", "no change", "no earlier period". */
  spoken: string;
}

/** A signed delta of scores with an arrow (direction is never told by colour alone). */
export function formatDelta(delta: number | null | undefined, locale?: string): FormattedDelta {
  if (!isNum(delta)) return { text: MISSING, arrow: '', direction: 'none', spoken: 'no earlier period to compare' };
  // rounding decides the arrow, so "+0.0" never shows with an up arrow
  const rounded = Math.round(delta * 10) / 10;
  const abs = formatPoints(Math.abs(rounded), locale, false).replace(' pts', '');
  if (rounded === 0)
    return { text: `■ ${formatPoints(0, locale)}`, arrow: '■', direction: 'flat', spoken: 'no change' };
  const up = rounded > 0;
  return {
    text: `${up ? '▲' : '▼'} ${formatPoints(rounded, locale)}`,
    arrow: up ? '▲' : '▼',
    direction: up ? 'up' : 'down',
    spoken: `${up ? 'up' : 'down'} ${abs} points`,
  };
}

/** A value in its unit's own terms: "88%", "+32", "12.5 days", "3.2 hr", "$1,200", "1.25", "1,234", "72". */
export function formatValue(
  value: number | null | undefined,
  unit: Unit = 'score',
  locale?: string,
  currency?: string,
): string {
  if (!isNum(value)) return MISSING;
  switch (unit) {
    case 'percent':
      return nf(locale, 'percent', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'nps':
      return nf(locale, 'nps', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
    case 'ces':
      return nf(locale, 'ces', { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
    case 'days':
      return nf(locale, 'days', { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'hours':
      return nf(locale, 'hours', {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }).format(value);
    case 'currency':
      return currency
        ? nf(locale, `cur:${currency}`, { style: 'currency', currency, trailingZeroDisplay: 'stripIfInteger' }).format(
            value,
          )
        : nf(locale, 'cur', { maximumFractionDigits: 2 }).format(value);
    case 'ratio':
      return nf(locale, 'ratio', { maximumFractionDigits: 2 }).format(value);
    case 'count':
      return nf(locale, 'count', { maximumFractionDigits: 0 }).format(value);
    default:
      return formatScore(value, locale);
  }
}

/** A node's value in its unit (composites show their score). */
export function formatNodeValue(node: EvaluatedNode, locale?: string): string {
  return formatValue(node.value, node.children ? 'score' : node.unit, locale, node.currency);
}

/** A duration in days, signed when asked (TTCV: value before the sale is negative). */
export function formatDays(days: number | null | undefined, locale?: string, signed = false): string {
  if (!isNum(days)) return MISSING;
  return nf(locale, signed ? 'days+' : 'days', {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'negative',
  }).format(days);
}

const dateCache = new Map<string, Intl.DateTimeFormat>();

/** A time of day, or date and time when not today: the stale badge's "since 14:05". */
export function formatTime(ms: number, locale?: string, now: number = Date.now()): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  const k = `${locale ?? ''}|${sameDay}`;
  let f = dateCache.get(k);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = sameDay
      ? { timeStyle: 'short' }
      : { dateStyle: 'medium', timeStyle: 'short' };
    try {
      f = new Intl.DateTimeFormat(locale, opts);
    } catch {
      f = new Intl.DateTimeFormat(undefined, opts);
    }
    dateCache.set(k, f);
  }
  return f.format(ms);
}

/** A number of days, at most one decimal, minus as U+2212 (Klever's Law reads as arithmetic); null: "–". */
export function dayNumber(v: number | null, locale?: string): string {
  return v === null
    ? MISSING
    : nf(locale, 'day-number', { maximumFractionDigits: 1 })
        .format(v + 0)
        .replace('-', '\u2212');
}

/** Date formats by tick unit (calendar axes) or 'full' (spoken summaries). */
export type DateUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'full';
const DATE_OPTS: Record<DateUnit, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  week: { month: 'short', day: 'numeric' },
  day: { month: 'short', day: 'numeric' },
  hour: { hour: 'numeric', minute: '2-digit' },
  full: { dateStyle: 'medium' },
};

/** A date in UTC (the engine reads date-only strings as UTC midnight), cached per locale and unit. */
export function utcDate(ms: number, unit: DateUnit, locale?: string): string {
  const english = englishUtcDate(ms, unit, locale);
  if (english !== null) return english;
  const k = `utc|${locale ?? ''}|${unit}`;
  let f = dateCache.get(k);
  if (!f) {
    const o = { ...DATE_OPTS[unit], timeZone: 'UTC' };
    try {
      f = new Intl.DateTimeFormat(locale, o);
    } catch {
      f = new Intl.DateTimeFormat(undefined, o);
    }
    dateCache.set(k, f);
  }
  return f.format(ms);
}

// English dates without Intl. A page's first Intl.DateTimeFormat loads ICU's date data (20–40 ms
// in headless Chromium, more than the rest of a calendar's axis and lanes). For en and en-US these
// are CLDR's strings ("Sep 5, 2026"; a differential test against Intl.DateTimeFormat keeps them
// honest); en-GB, en-AU… write "5 Sept 2026" and, with the hour unit and years outside 1–9999, go
// to Intl.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function englishUtcDate(ms: number, unit: DateUnit, locale: string | undefined): string | null {
  if (unit === 'hour') return null;
  const tag = localeTag(locale);
  if (typeof tag !== 'string' || !/^en(-US)?$/i.test(tag)) return null;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (!(y >= 1 && y <= 9999)) return null;
  const m = MONTHS[d.getUTCMonth()]!;
  const day = d.getUTCDate();
  if (unit === 'year') return `${y}`;
  if (unit === 'month') return `${m} ${y}`;
  return unit === 'full' ? `${m} ${day}, ${y}` : `${m} ${day}`;
}
