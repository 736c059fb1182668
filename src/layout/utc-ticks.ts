// UTC time ticks on epoch ms, the same as d3-time's utcTicks/utcTickInterval (v3.1.1) without the
// library: d3-time's interval objects (filter/every/count for local and UTC time) cost ~1.5 kB gzip,
// and the calendar axis only needs floor/ceil/range of the interval d3 would pick. The choice
// table and rule are d3's (ticker() in d3-time/src/ticks.js); test/layout/utc-ticks.test.ts checks
// the two agree on random ranges.
import { tickStep } from 'd3-array';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** A calendar interval on epoch ms: floor to its boundary, step to the next boundary. */
export interface UtcInterval {
  floor(ms: number): number;
  ceil(ms: number): number;
  /** Boundaries in [ceil(start), stop), as d3's interval.range(start, stop). */
  range(start: number, stop: number): number[];
}

function interval(floor: (ms: number) => number, next: (ms: number) => number): UtcInterval {
  const ceil = (ms: number) => next(floor(ms - 1));
  return {
    floor,
    ceil,
    range(start, stop) {
      const out: number[] = [];
      let t = ceil(start);
      if (!(t < stop)) return out;
      let prev: number;
      do (out.push((prev = t)), (t = next(t)));
      while (prev < t && t < stop);
      return out;
    },
  };
}

// Fixed-length steps (ms, seconds, minutes, hours, unix days): UTC has no leap seconds and the
// epoch is a midnight, so "field % k === 0" (d3's every(k)) is a multiple of k steps since epoch.
const fixed = (k: number) =>
  interval(
    (ms) => Math.floor(ms / k) * k,
    (ms) => ms + k,
  );

/** Midnight UTC on the given year/month/day (setUTCFullYear: years 0–99 are not 1900–1999). */
const utcDate = (y: number, m: number, d: number) => new Date(0).setUTCFullYear(y, m, d);

// weeks start on Sunday (d3's utcSunday); 1970-01-01 was a Thursday (day 4)
const week = interval(
  (ms) => {
    const day = Math.floor(ms / DAY);
    return (day - ((((day + 4) % 7) + 7) % 7)) * DAY;
  },
  (ms) => ms + WEEK,
);

const months = (k: number) =>
  interval(
    (ms) => {
      const d = new Date(ms);
      const m = d.getUTCMonth();
      return utcDate(d.getUTCFullYear(), m - (m % k), 1);
    },
    (ms) => {
      const d = new Date(ms);
      return utcDate(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
    },
  );

const years = (k: number) =>
  interval(
    (ms) => utcDate(Math.floor(new Date(ms).getUTCFullYear() / k) * k, 0, 1),
    (ms) => utcDate(new Date(ms).getUTCFullYear() + k, 0, 1),
  );

// d3's tickIntervals: [make, step, approximate duration]
const TABLE: [(k: number) => UtcInterval, number, number][] = [
  [fixed, SECOND, SECOND],
  [fixed, 5 * SECOND, 5 * SECOND],
  [fixed, 15 * SECOND, 15 * SECOND],
  [fixed, 30 * SECOND, 30 * SECOND],
  [fixed, MINUTE, MINUTE],
  [fixed, 5 * MINUTE, 5 * MINUTE],
  [fixed, 15 * MINUTE, 15 * MINUTE],
  [fixed, 30 * MINUTE, 30 * MINUTE],
  [fixed, HOUR, HOUR],
  [fixed, 3 * HOUR, 3 * HOUR],
  [fixed, 6 * HOUR, 6 * HOUR],
  [fixed, 12 * HOUR, 12 * HOUR],
  [fixed, DAY, DAY],
  [fixed, 2 * DAY, 2 * DAY],
  [() => week, 1, WEEK],
  [months, 1, MONTH],
  [months, 3, 3 * MONTH],
  [years, 1, YEAR],
];

/** The interval d3's utcTickInterval(start, stop, count) picks, or null where d3 gives null. */
export function utcTickInterval(start: number, stop: number, count: number): UtcInterval | null {
  const target = Math.abs(stop - start) / count;
  // bisector.right: the first entry whose duration is above the target
  let i = 0;
  while (i < TABLE.length && TABLE[i]![2] <= target) i++;
  if (i === TABLE.length) {
    const k = Math.floor(tickStep(start / YEAR, stop / YEAR, count));
    return isFinite(k) && k > 0 ? years(k) : null;
  }
  if (i === 0) {
    const k = Math.floor(Math.max(tickStep(start, stop, count), 1));
    return isFinite(k) && k > 0 ? fixed(k) : null;
  }
  const [make, step] = TABLE[target / TABLE[i - 1]![2] < TABLE[i]![2] / target ? i - 1 : i]!;
  return make(step);
}

/** d3's utcTicks(start, stop, count) on epoch ms: the interval's boundaries from start to stop inclusive. */
export function utcTicks(start: number, stop: number, count: number): number[] {
  const reverse = stop < start;
  if (reverse) [start, stop] = [stop, start];
  const iv = utcTickInterval(start, stop, count);
  const ticks = iv ? iv.range(start, stop + 1) : [];
  return reverse ? ticks.reverse() : ticks;
}
