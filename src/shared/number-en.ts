// English number formatting without Intl. The first Intl.NumberFormat of a page loads ICU data:
// 20–40 ms in headless Chromium, more than a whole gauge render. For the English locales whose
// numbers read "1,234.5" (most pages), these formatters give the same strings as Intl (a
// differential test against Intl.NumberFormat keeps them honest) for the options the kit uses;
// every other locale or option goes to Intl.

export interface NumberFormatLike {
  format(n: number): string;
}

// English locales grouping by thousands with "," and a "." decimal point (not en-IN, en-ZA, en-CH…).
const ENGLISH = /^en(-(US|GB|CA|AU|NZ|IE))?$/i;

/** `locale`, or the page's language when undefined. */
export function localeTag(locale: string | undefined): string | undefined {
  return locale ?? (globalThis as { navigator?: { language?: string } }).navigator?.language;
}

/** Whether `locale` (or the page's language when undefined) formats numbers as en-US does. */
export function isPlainEnglish(locale: string | undefined): boolean {
  const tag = localeTag(locale);
  return typeof tag === 'string' && ENGLISH.test(tag);
}

const UNITS: Record<string, [one: string, other: string]> = {
  'day:long': [' day', ' days'],
  'hour:short': [' hr', ' hr'],
};

/** A formatter equal to Intl's for these options, or null when they are not ones it knows. */
export function englishFormatter(options: Intl.NumberFormatOptions): NumberFormatLike | null {
  const { style = 'decimal', signDisplay, unit, unitDisplay = 'short' } = options;
  // only these options: style, minimum/maximumFractionDigits, signDisplay, unit, unitDisplay
  if (Object.keys(options).some((k) => !/^(style|m(in|ax)imumFractionDigits|signDisplay|unit(Display)?)$/.test(k)))
    return null;
  if (!/^(decimal|percent|unit)$/.test(style)) return null;
  // (auto, Intl's default, writes "-0" for a negative value that rounds to zero: format.ts never asks for it)
  if (signDisplay !== 'negative' && signDisplay !== 'exceptZero') return null;
  const suffix = style === 'unit' ? UNITS[`${unit}:${unitDisplay}`] : undefined;
  if (style === 'unit' && !suffix) return null;
  const maxFrac = options.maximumFractionDigits ?? (style === 'percent' ? 0 : 3);
  const minFrac = Math.min(options.minimumFractionDigits ?? 0, maxFrac);
  const shift = style === 'percent' ? 2 : 0;
  return {
    format(n: number): string {
      if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return fallback(options).format(n);
      const { digits, negative } = roundDecimal(n, shift, maxFrac);
      const [int, frac = ''] = digits.split('.');
      let fracOut = frac.replace(/0+$/, '');
      if (fracOut.length < minFrac) fracOut = fracOut.padEnd(minFrac, '0');
      const zero = /^0*$/.test(int!) && /^0*$/.test(fracOut);
      const body = group(int!) + (fracOut ? `.${fracOut}` : '');
      const exceptZero = signDisplay === 'exceptZero';
      const sign = zero ? '' : negative ? '-' : exceptZero ? '+' : '';
      const out = sign + body;
      if (style === 'percent') return `${out}%`;
      if (suffix) return out + (body === '1' ? suffix[0] : suffix[1]);
      return out;
    },
  };
}

let intlFallback: Map<string, Intl.NumberFormat> | undefined;
function fallback(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  intlFallback ??= new Map();
  const k = JSON.stringify(options);
  let f = intlFallback.get(k);
  if (!f) intlFallback.set(k, (f = new Intl.NumberFormat('en-US', options)));
  return f;
}

/**
 * `n` × 10^shift rounded half away from zero to `maxFrac` decimals, as Intl does: on the shortest
 * decimal that reads back as `n` (so 1.005 rounds to 1.01, where toFixed says 1.00).
 */
function roundDecimal(n: number, shift: number, maxFrac: number): { digits: string; negative: boolean } {
  const negative = n < 0 || Object.is(n, -0);
  // Fast path (a gauge formats ~15 numbers, 50 gauges 750): below 1e9 the product's binary error
  // is far under 1e-6, so unless the scaled value sits on a tie Math.round-style rounding gives the
  // same digits as rounding the shortest decimal. Ties take the exact string path below.
  const p = shift + maxFrac;
  if (p < POW10.length) {
    const scaled = Math.abs(n) * POW10[p]!;
    const floor = Math.floor(scaled);
    const rem = scaled - floor;
    if (scaled < 1e9 && Math.abs(rem - 0.5) > 1e-6) {
      const r = String(rem > 0.5 ? floor + 1 : floor);
      if (!maxFrac) return { digits: r, negative };
      const d = r.length > maxFrac ? r : r.padStart(maxFrac + 1, '0');
      return { digits: `${d.slice(0, d.length - maxFrac)}.${d.slice(d.length - maxFrac)}`, negative };
    }
  }
  let s = String(Math.abs(n));
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    exp = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  const dot = s.indexOf('.');
  let mantissa = dot >= 0 ? s.slice(0, dot) + s.slice(dot + 1) : s;
  // position of the decimal point within `mantissa`
  let point = (dot >= 0 ? dot : s.length) + exp + shift;
  if (point <= 0) {
    mantissa = '0'.repeat(1 - point) + mantissa;
    point = 1;
  }
  if (point > mantissa.length) mantissa = mantissa.padEnd(point, '0');
  const keep = point + maxFrac;
  if (mantissa.length > keep) {
    const up = mantissa.charCodeAt(keep) >= 53; // '5'
    let kept = mantissa.slice(0, keep);
    if (up) {
      const carried = increment(kept);
      if (carried.length > kept.length) point += 1;
      kept = carried;
    }
    mantissa = kept;
  }
  const int = mantissa.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = mantissa.slice(point);
  return { digits: frac ? `${int}.${frac}` : int, negative };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

function increment(digits: string): string {
  const a = digits.split('');
  let i = a.length - 1;
  while (i >= 0) {
    if (a[i] === '9') {
      a[i] = '0';
      i--;
    } else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return `1${a.join('')}`;
}

function group(int: string): string {
  if (int.length < 4) return int;
  let out = '';
  for (let i = int.length; i > 0; i -= 3) out = int.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return out;
}
