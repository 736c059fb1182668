// Our UTC ticks (no d3-time in the bundle) against hand-worked axes and, differentially, against
// d3-time's own utcTicks/utcTickInterval (a devDependency kept for this test).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { utcTickInterval as d3Interval, utcTicks as d3Ticks } from 'd3-time';
import { utcTickInterval, utcTicks } from '../../src/layout/utc-ticks.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString());

describe('utcTicks (hand-worked)', () => {
  it('under a day: 12 h in 4 steps -> every 3 hours, both ends included', () => {
    // target 3 h lies on the 3 h entry (next one 6 h is farther)
    expect(iso(utcTicks(utc('2026-03-10T00:00Z'), utc('2026-03-10T12:00Z'), 4))).to.deep.equal([
      '2026-03-10T00:00:00.000Z',
      '2026-03-10T03:00:00.000Z',
      '2026-03-10T06:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
    ]);
  });

  it('across a year boundary: 97 days in 3 -> the first of each month', () => {
    // target 32.3 days: 1 month (30 d) is nearer than 3 months (90 d) by ratio
    expect(iso(utcTicks(utc('2025-11-15T00:00Z'), utc('2026-02-20T00:00Z'), 3))).to.deep.equal([
      '2025-12-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
  });

  it('over a leap day: daily ticks include 29 February', () => {
    expect(iso(utcTicks(utc('2028-02-27T00:00Z'), utc('2028-03-02T00:00Z'), 4))).to.deep.equal([
      '2028-02-27T00:00:00.000Z',
      '2028-02-28T00:00:00.000Z',
      '2028-02-29T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
      '2028-03-02T00:00:00.000Z',
    ]);
  });

  it('weeks start on Sunday', () => {
    // 2026-11-01 and 2026-11-08 … were Sundays; 25 days in 4 -> target 6.25 d, nearer a week than 2 days
    expect(iso(utcTicks(utc('2026-10-30T12:00Z'), utc('2026-11-24T12:00Z'), 4))).to.deep.equal([
      '2026-11-01T00:00:00.000Z',
      '2026-11-08T00:00:00.000Z',
      '2026-11-15T00:00:00.000Z',
      '2026-11-22T00:00:00.000Z',
    ]);
    const week = utcTickInterval(utc('2026-10-30T12:00Z'), utc('2026-11-24T12:00Z'), 4)!;
    expect(new Date(week.floor(utc('2026-11-24T12:00Z'))).toISOString()).to.equal('2026-11-22T00:00:00.000Z');
    expect(new Date(week.ceil(utc('2026-11-24T12:00Z'))).toISOString()).to.equal('2026-11-29T00:00:00.000Z');
    expect(week.ceil(utc('2026-11-22T00:00Z'))).to.equal(utc('2026-11-22T00:00Z'));
  });

  it('quarters and multi-year steps', () => {
    // 334 days in 3 -> target 111 d: 3 months (90 d) rather than a year
    expect(iso(utcTicks(utc('2026-01-15T00:00Z'), utc('2026-12-15T00:00Z'), 3))).to.deep.equal([
      '2026-04-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
      '2026-10-01T00:00:00.000Z',
    ]);
    // 100 years in 5 -> tickStep 20: years divisible by 20
    const t = utcTicks(utc('1970-01-01T00:00Z'), utc('2070-01-01T00:00Z'), 5);
    expect(t.map((ms) => new Date(ms).getUTCFullYear())).to.deep.equal([1980, 2000, 2020, 2040, 2060]);
    const decades = utcTickInterval(utc('1970-01-01T00:00Z'), utc('2070-01-01T00:00Z'), 5)!;
    expect(new Date(decades.floor(utc('2019-06-01T00:00Z'))).toISOString()).to.equal('2000-01-01T00:00:00.000Z');
    expect(new Date(decades.ceil(utc('2019-06-01T00:00Z'))).toISOString()).to.equal('2020-01-01T00:00:00.000Z');
  });

  it('reversed ends give the ticks reversed', () => {
    const a = utc('2026-03-10T00:00Z');
    const b = utc('2026-03-10T12:00Z');
    expect(utcTicks(b, a, 4)).to.deep.equal(utcTicks(a, b, 4).reverse());
  });
});

describe('utcTicks (same as d3-time)', () => {
  const lo = utc('1970-01-01T00:00Z');
  const hi = utc('2100-01-01T00:00Z');
  // ends at random ms, or rounded to whole hours/days/years so ends also land on boundaries
  const round = fc.constantFrom(1, 1000, HOUR, DAY, 365 * DAY);
  const range = (minSpan: number, maxSpan: number) =>
    fc
      .record({
        start: fc.integer({ min: lo, max: hi }),
        span: fc.integer({ min: minSpan, max: maxSpan }),
        unit: round,
        count: fc.integer({ min: 2, max: 20 }),
      })
      .map(({ start, span, unit, count }) => {
        const s = Math.floor(start / unit) * unit;
        return { start: s, stop: s + Math.max(minSpan, Math.round(span / unit) * unit), count };
      });

  const same = ({ start, stop, count }: { start: number; stop: number; count: number }) => {
    expect(utcTicks(start, stop, count)).to.deep.equal(
      d3Ticks(new Date(start), new Date(stop), count).map((d) => d.getTime()),
    );
    const ours = utcTickInterval(start, stop, count);
    const theirs = d3Interval(new Date(start), new Date(stop), count);
    expect(ours === null).to.equal(theirs === null);
    if (ours && theirs) {
      expect(ours.floor(start)).to.equal(+theirs.floor(new Date(start)));
      expect(ours.ceil(stop)).to.equal(+theirs.ceil(new Date(stop)));
      expect(ours.floor(stop)).to.equal(+theirs.floor(new Date(stop)));
      expect(ours.ceil(start)).to.equal(+theirs.ceil(new Date(start)));
    }
  };

  it('spans from 1 hour to 200 years, 2–20 ticks', () => {
    fc.assert(fc.property(range(HOUR, 200 * 365 * DAY), same), { numRuns: 3000 });
  });

  it('short spans (1 s to 1 hour) too', () => {
    fc.assert(fc.property(range(1000, HOUR), same), { numRuns: 1000 });
  });
});
