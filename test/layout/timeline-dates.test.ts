// The calendar's English dates without Intl: hand-checked strings, then the same as utcDate
// (Intl.DateTimeFormat in UTC) on random dates, and utcDate itself for other locales and units.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { calendarDate } from '../../src/layout/timeline-dates.js';
import { utcDate, type DateUnit } from '../../src/shared/format.js';

const at = (iso: string) => Date.parse(iso);

describe('calendarDate', () => {
  it('writes English UTC dates as CLDR does for en-US', () => {
    // 23:30 UTC on 5 September is already 6 September east of Greenwich: the UTC day is shown
    const t = at('2026-09-05T23:30Z');
    expect(calendarDate(t, 'year', 'en-US')).to.equal('2026');
    expect(calendarDate(t, 'month', 'en-US')).to.equal('Sep 2026');
    expect(calendarDate(t, 'week', 'en')).to.equal('Sep 5');
    expect(calendarDate(t, 'day', 'EN-us')).to.equal('Sep 5');
    expect(calendarDate(t, 'full', 'en')).to.equal('Sep 5, 2026');
    expect(calendarDate(at('2028-02-29T00:00Z'), 'full', 'en-US')).to.equal('Feb 29, 2028');
  });

  it('leaves other English locales to Intl (en-GB writes the day first)', () => {
    expect(calendarDate(at('2026-09-05T00:00Z'), 'full', 'en-GB')).to.equal(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(at('2026-09-05T00:00Z')),
    );
    expect(calendarDate(at('2026-09-05T00:00Z'), 'full', 'en-GB')).to.match(/^5 Sep/);
  });

  it('agrees with utcDate (Intl) on random dates, units and locales', () => {
    const units: DateUnit[] = ['year', 'month', 'week', 'day', 'hour', 'full'];
    fc.assert(
      fc.property(
        fc.integer({ min: at('0001-01-01T00:00Z'), max: at('9999-12-31T23:59Z') }),
        fc.constantFrom(...units),
        fc.constantFrom('en', 'en-US', 'en-us', 'en-GB', 'de-DE', 'fr', 'ja'),
        (ms, unit, locale) => {
          expect(calendarDate(ms, unit, locale)).to.equal(utcDate(ms, unit, locale));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
