// Label order without ICU start-up. A page's first Intl.Collator loads ICU's collation data
// (20–45 ms in Chromium), more than the rest of a 100-journey timeline's layout; labels and
// segment names are nearly always plain ASCII. For English locales, where CLDR's root order
// applies to ASCII unchanged, this compares such strings exactly as
// `new Intl.Collator(locale, { numeric: true }).compare` does (fuzz-tested against it in
// test/layout/timeline-collate.test.ts), and falls back to that collator for anything else.

// CLDR root order of printable ASCII at the primary level (case folded); digits are one class,
// compared by numeric value.
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0abcdefghijklmnopqrstuvwxyz';
const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i;
for (let c = 65; c <= 90; c++) RANK[c] = RANK[c + 32]!; // A-Z as a-z
for (let c = 49; c <= 57; c++) RANK[c] = RANK[48]!; // 1-9 as 0: a number
const DIGIT = RANK[48]!;

/** True when CLDR's root order holds for ASCII in `locale` (English; the runtime's when undefined). */
function rootOrder(locale: string | undefined): boolean {
  const tag = locale ?? (globalThis as { navigator?: { language?: string } }).navigator?.language ?? '';
  return /^en(?:$|-)/i.test(tag);
}

/** Printable ASCII only, and short enough that digit runs stay far below ICU's 254-digit limit. */
function plain(s: string): boolean {
  if (s.length > 200) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Root collation of two plain strings (numeric, tertiary strength): primary weights first (digit
 * runs by value, leading zeros ignored, letters case-blind), then the first case difference
 * (lower before upper). Equal at both levels returns 0, as ICU does ("01" and "1").
 */
function comparePlain(a: string, b: string): number {
  let i = 0;
  let j = 0;
  let tertiary = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const ra = RANK[ca]!;
    const rb = RANK[cb]!;
    if (ra !== rb) return ra - rb;
    if (ra === DIGIT) {
      // both start a number: compare by value (leading zeros skipped, then length, then digits)
      let ea = i;
      let eb = j;
      while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
      while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
      while (i < ea - 1 && a.charCodeAt(i) === 48) i++;
      while (j < eb - 1 && b.charCodeAt(j) === 48) j++;
      if (ea - i !== eb - j) return ea - i - (eb - j);
      for (; i < ea; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d) return d;
      }
      continue;
    }
    // same primary: upper case (65-90) after lower case; the first difference decides
    if (!tertiary && ca !== cb) tertiary = ca < 97 ? 1 : -1;
    i++;
    j++;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return tertiary;
}

/**
 * A compare function equal to `new Intl.Collator(locale, { numeric: true }).compare`, which builds
 * that collator only when a string needs it (not plain ASCII, or a locale other than English).
 */
export function labelComparer(locale: string | undefined): (a: string, b: string) => number {
  const fast = rootOrder(locale);
  let c: Intl.Collator | undefined;
  const slow = (a: string, b: string) => (c ??= collatorFor(locale)).compare(a, b);
  if (!fast) return slow;
  return (a, b) => (plain(a) && plain(b) ? comparePlain(a, b) : slow(a, b));
}

// One collator per locale: building one costs more than sorting 2,000 labels with it.
const collators = new Map<string, Intl.Collator>();
export function collatorFor(locale: string | undefined): Intl.Collator {
  const key = locale ?? '';
  let c = collators.get(key);
  if (!c) {
    try {
      c = new Intl.Collator(locale, { numeric: true });
    } catch {
      c = new Intl.Collator(undefined, { numeric: true }); // a malformed locale tag
    }
    collators.set(key, c);
  }
  return c;
}
