// utcDate's English dates without Intl: hand-checked strings, then the same as Intl.DateTimeFormat
// in UTC on random dates, units and locales (other locales and the hour unit go to Intl).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { utcDate, type DateUnit } from '../../src/shared/format.js';

// Written out here again on purpose, not imported from format.ts: the reference must not share a
// wrong option with the code it checks.
const OPTS: Record<DateUnit, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  week: { month: 'short', day: 'numeric' },
  day: { month: 'short', day: 'numeric' },
  hour: { hour: 'numeric', minute: '2-digit' },
  full: { dateStyle: 'medium' },
};
const intl = (ms: number, unit: DateUnit, locale: string) =>
  new Intl.DateTimeFormat(locale, { ...OPTS[unit], timeZone: 'UTC' }).format(ms);

const at = (iso: string) => Date.parse(iso);

describe('utcDate', () => {
  it('writes English UTC dates as CLDR does for en-US', () => {
    // 23:30 UTC on 5 September is already 6 September east of Greenwich: the UTC day is shown
    const t = at('2026-09-05T23:30Z');
    expect(utcDate(t, 'year', 'en-US')).to.equal('2026');
    expect(utcDate(t, 'month', 'en-US')).to.equal('Sep 2026');
    expect(utcDate(t, 'week', 'en')).to.equal('Sep 5');
    expect(utcDate(t, 'day', 'EN-us')).to.equal('Sep 5');
    expect(utcDate(t, 'full', 'en')).to.equal('Sep 5, 2026');
    expect(utcDate(at('2028-02-29T00:00Z'), 'full', 'en-US')).to.equal('Feb 29, 2028');
  });

  it('leaves other English locales to Intl (en-GB writes the day first)', () => {
    expect(utcDate(at('2026-09-05T00:00Z'), 'full', 'en-GB')).to.equal(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(at('2026-09-05T00:00Z')),
    );
    expect(utcDate(at('2026-09-05T00:00Z'), 'full', 'en-GB')).to.match(/^5 Sep/);
  });

  it('agrees with Intl.DateTimeFormat on random dates, units and locales', () => {
    const units: DateUnit[] = ['year', 'month', 'week', 'day', 'hour', 'full'];
    fc.assert(
      fc.property(
        fc.integer({ min: at('0001-01-01T00:00Z'), max: at('9999-12-31T23:59Z') }),
        fc.constantFrom(...units),
        fc.constantFrom('en', 'en-US', 'en-us', 'en-GB', 'de-DE', 'fr', 'ja'),
        (ms, unit, locale) => {
          expect(utcDate(ms, unit, locale)).to.equal(intl(ms, unit, locale));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
