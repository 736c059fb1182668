import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { englishFormatter, isPlainEnglish } from '../../src/shared/number-en.js';

// Every option set src/shared/format.ts passes to nf() that the English path answers itself (nf()
// adds signDisplay: 'negative' where none is given: a value that rounds to zero reads "0", not "-0").
const OPTION_SETS: Intl.NumberFormatOptions[] = [
  { maximumFractionDigits: 1, signDisplay: 'negative' },
  { maximumFractionDigits: 0, signDisplay: 'negative' },
  { maximumFractionDigits: 2, signDisplay: 'negative' },
  { style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' },
  { style: 'percent', maximumFractionDigits: 1, signDisplay: 'negative' },
  { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' },
  { maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'negative' },
  { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1, signDisplay: 'negative' },
  { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1, signDisplay: 'negative' },
];

// Doubles of every size, and short decimals (ties such as 1.005 and 72.45 are where rounding differs).
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
  // where the fast path (|n| × 10^digits < 1e9) answers: scores, shares, big counts
  fc.double({ noNaN: true, min: -100, max: 100 }),
  fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((i) => i / 1000 + 0.0005),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((i) => i / 1000),
  fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100),
  fc.integer({ min: -2000, max: 2000 }).map((i) => i / 20),
  fc.constantFrom(0, -0, 1, -1, 0.5, -0.5, 0.05, -0.04, 0.95, 9.95, 99.95, 999.95, 1e-7, -1e-7, 1e21, 123456789.5),
);

describe('englishFormatter', () => {
  for (const options of OPTION_SETS) {
    it(`gives Intl's en-US output for ${JSON.stringify(options)}`, () => {
      const fast = englishFormatter(options);
      expect(fast, 'supported').to.not.equal(null);
      const intl = new Intl.NumberFormat('en-US', options);
      fc.assert(
        fc.property(numbers, (n) => fast!.format(n) === intl.format(n)),
        { numRuns: 3000 },
      );
    });
  }

  it('declines options it does not implement (currency, compact, rounding modes)', () => {
    expect(englishFormatter({ style: 'currency', currency: 'USD' })).to.equal(null);
    expect(englishFormatter({ notation: 'compact' })).to.equal(null);
    expect(englishFormatter({ roundingMode: 'floor' })).to.equal(null);
    expect(englishFormatter({ style: 'unit', unit: 'minute' })).to.equal(null);
    // Intl's default sign display (auto: "-0") and the others it does not write itself
    for (const signDisplay of [undefined, 'auto', 'always', 'never'] as const)
      expect(englishFormatter({ maximumFractionDigits: 1, signDisplay }), String(signDisplay)).to.equal(null);
  });

  it('is used only for locales that write 1,234.5', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'EN-us']) expect(isPlainEnglish(tag), tag).to.equal(true);
    for (const tag of ['en-IN', 'en-ZA', 'de-DE', 'ar', 'ja-JP', 'fr', 'english'])
      expect(isPlainEnglish(tag), tag).to.equal(false);
  });
});
