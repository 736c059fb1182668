// Layout for <ocmf-ttcv-timeline>: the engine's TTCV summary + a size -> drawing data (no DOM).
// Klever's Law (SPEC §1, §4): TTCV = time to value before sale + after sale + time to smile, in days.
//
// Duration view geometry: the x axis is days relative to the sale (zero = the sale). Each journey's
// bar is a *diverging stack* of its three parts, built outwards from zero in Klever's order
// (beforeSale, afterSale, toSmile): a part < 0 stacks to the LEFT of zero, a part >= 0 to the RIGHT.
// In the usual case (beforeSale <= 0, afterSale >= 0, toSmile >= 0) that is exactly
//   beforeSale [beforeSale, 0] | afterSale [0, afterSale] | toSmile [afterSale, afterSale + toSmile]
// i.e. value before the sale is drawn left of zero and time to smile continues from the end of
// afterSale. For odd data (a positive beforeSale, a negative afterSale, as in the sample's j-006,
// j-057, j-d01 and j-d02) the stack never draws two parts over each other, and a bar's length is
// always the sum of the parts' magnitudes. The total (the signed sum) is a separate marker; it lies
// inside the bar when the parts have mixed signs. Parts that are still growing (an open afterSale,
// an open interruption) are never negative, so the "still waiting" mark sits at the right end.
import { ascending, nice, ticks } from 'd3-array';

// A linear map by hand, with d3-array's nice()/ticks() and d3-time's UTC ticks (utc-ticks.ts): d3-scale
// pulled in d3-interpolate, d3-color, d3-format and d3-time-format, 12 kB gzip of a 77 kB bundle.
function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
import { labelComparer } from './timeline-collate.js';
import { utcTickInterval, utcTicks } from './utc-ticks.js';
import type { JourneyEventType, Stats, TtcvAggregate, TtcvJourney, TtcvSummary } from '../engine/types.js';

const DAY_MS = 86_400_000;

/** The three parts of Klever's Law, in the order they are summed and stacked. */
export type TtcvPart = 'beforeSale' | 'afterSale' | 'toSmile';
export const TTCV_PARTS: readonly TtcvPart[] = ['beforeSale', 'afterSale', 'toSmile'];

export type JourneySortKey = 'total' | 'label' | 'segment';
export type SortDirection = 'asc' | 'desc';

/** Which journeys are shown and in what order (shared by the duration and calendar views). */
export interface JourneyOrderOptions {
  /** Primary key; default 'total'. */
  sortBy?: JourneySortKey;
  /** Default 'asc'. Reverses the primary key only; missing keys stay last either way. */
  direction?: SortDirection;
  /** Show only journeys with this `segment` (exact match); undefined/null = all journeys. */
  segment?: string | null;
  /** BCP 47 locale for comparing labels and segments (Intl.Collator); default: the runtime's. */
  locale?: string;
}

/**
 * The journeys to show, filtered by segment and sorted. Ties (and the secondary order) are always
 * ascending: total (nulls last), then label, then id, so the order is deterministic and the same
 * in every view. Sorting by 'total' puts journeys without a total last in both directions; sorting
 * by 'segment' puts journeys without a segment last. Returns a new array; the input is not changed.
 */
export function orderJourneys(journeys: readonly TtcvJourney[], options: JourneyOrderOptions = {}): TtcvJourney[] {
  const { sortBy = 'total', direction = 'asc', segment, locale } = options;
  // plain ASCII labels in English compare without an Intl.Collator: a page's first one loads
  // ICU's collation data (20–45 ms); see timeline-collate.ts
  const text = labelComparer(locale);
  const sign = direction === 'desc' ? -1 : 1;
  const list = segment == null ? journeys : journeys.filter((j) => j.segment === segment);
  if (sortBy === 'total') return byTotal(list, sign, text);
  // by label or segment: the keys pulled out once (the comparator runs n log n times); ties by
  // total (a null one sorts as +Infinity, which no JSON number is, so last), label, id
  const keyed = list.map((j) => ({ j, total: j.total ?? Infinity, label: j.label, id: j.id, seg: j.segment ?? null }));
  type K = (typeof keyed)[number];
  const label = (a: K, b: K) => (a.label === b.label ? 0 : text(a.label, b.label));
  const tail = (a: K, b: K) =>
    (a.total < b.total ? -1 : a.total > b.total ? 1 : 0) || label(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  keyed.sort(
    sortBy === 'label'
      ? (a, b) => sign * label(a, b) || tail(a, b)
      : (a, b) => nullsLast(a.seg, b.seg, (x, y) => sign * text(x, y)) || tail(a, b),
  );
  return keyed.map((k) => k.j);
}

/**
 * The default order (total, then label, then id) with the totals sorted natively: a typed array
 * sorts in the engine without calling back into JavaScript, where a comparator ran ~22,000 times
 * for 2,000 journeys on the first render, before V8 had optimised it. Each journey's key is the
 * rank of its total times n plus its index (exact: far below 2^53), so equal totals end up next
 * to each other, and only those runs of ties are sorted by label and id.
 */
function byTotal(list: readonly TtcvJourney[], sign: number, text: (a: string, b: string) => number): TtcvJourney[] {
  const n = list.length;
  const values = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const t = list[i]!.total;
    if (t !== null) values[m++] = sign * t;
  }
  const sorted = values.subarray(0, m).sort();
  // rank of each distinct total (0 and -0 are one, as === has them); no total ranks last
  const rank = new Map<number, number>();
  let ranks = 0;
  for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) rank.set(sorted[i]!, ranks++);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = list[i]!.total;
    keys[i] = (t === null ? ranks : rank.get(sign * t)!) * n + i;
  }
  keys.sort();
  const out = new Array<TtcvJourney>(n);
  for (let k = 0; k < n;) {
    // a run of equal totals: [k, e)
    const r = Math.floor(keys[k]! / n);
    let e = k + 1;
    while (e < n && Math.floor(keys[e]! / n) === r) e++;
    if (e - k === 1) out[k] = list[keys[k]! % n]!;
    else {
      const run = new Array<TtcvJourney>(e - k);
      for (let q = k; q < e; q++) run[q - k] = list[keys[q]! % n]!;
      run.sort(
        (a, b) => (a.label === b.label ? 0 : text(a.label, b.label)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      for (let q = k; q < e; q++) out[q] = run[q - k]!;
    }
    k = e;
  }
  return out;
}

/** Compare with `cmp`, nulls after everything else whatever the direction. */
function nullsLast<T>(a: T | null, b: T | null, cmp: (a: T, b: T) => number): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return cmp(a, b);
}

// ---------------------------------------------------------------------------------------------
// Duration view

/** One drawn part of a journey's bar. `x` is the left edge, so `width` is never negative. */
export interface BarSegment {
  kind: TtcvPart;
  /** The part's signed value in days (as the engine gives it). */
  days: number;
  /** Where the part starts and ends on the day axis (from < to, or equal for a 0-day part). */
  fromDays: number;
  toDays: number;
  x: number;
  width: number;
}

export interface DurationRow {
  journey: TtcvJourney;
  id: string;
  /** Position in the shown (filtered, sorted) list: the row's index for virtualisation. */
  index: number;
  /** Top of the row: index * rowHeight. */
  y: number;
  /** The parts that have a value (0-day parts included, width 0), in Klever's order. */
  segments: BarSegment[];
  /** The signed sum of the known parts (the engine's total), null when no part is known. */
  total: number | null;
  /** x of the total marker; null when total is null. */
  totalX: number | null;
  /** Left and right ends of the bar in px (both at zero when no part is known). */
  startX: number;
  endX: number;
  /** True when a part is still counting up to asOf: draw a "still waiting" mark at `waitX`. */
  open: boolean;
  /** The right end of the bar (where an open part keeps growing); null unless open. */
  waitX: number | null;
  /** True when any part is null (not measured): the total is a lower bound, say what is missing. */
  partial: boolean;
  /** The parts that are null, in Klever's order (empty when complete). */
  missing: TtcvPart[];
}

export interface AxisTick {
  value: number;
  x: number;
  /** Where the label is centred: x, moved inwards near an end so the label stays on the axis. */
  labelX: number;
  /** Whether the label is drawn: one closer than a label's width to the previous drawn one is not. */
  label: boolean;
}

/**
 * Ticks at `xs` with label centres kept on [0, width] (labels about 2 × `half` px wide) and only
 * the labels that do not run into the previous drawn one (a 6 px gap), from the left.
 */
export function axisTicks(values: number[], x: (v: number) => number, width: number, half: number): AxisTick[] {
  let last = -Infinity;
  return values.map((value) => {
    const at = x(value);
    const labelX = labelCentre(at, width, half);
    const label = labelX - last >= 2 * half + 6;
    if (label) last = labelX;
    return { value, x: at, labelX, label };
  });
}

/** x clamped so a label of about 2 × `half` px centred on it stays within [0, width]. */
export function labelCentre(x: number, width: number, half: number): number {
  return width < 2 * half ? width / 2 : Math.min(Math.max(x, half), width - half);
}

export interface DurationLayoutOptions extends JourneyOrderOptions {
  /** Width of the plot area in px; the day axis maps onto [inset, width - inset]. */
  width: number;
  /** Height of one journey row in px. */
  rowHeight: number;
  /** Px kept clear at both ends of the axis (for end marks); default 0. */
  inset?: number;
  /** About how many ticks; default one per 80 px, at least 3. */
  tickCount?: number;
}

export interface DurationLayout {
  rows: DurationRow[];
  /** The day domain after nice(); always contains 0. */
  domain: [number, number];
  /** x of the zero line (the sale). */
  zeroX: number;
  /** Nice tick values in days and their x; labels are the element's (Intl). */
  ticks: AxisTick[];
  rowHeight: number;
  /** rows.length * rowHeight: the height of the scrolling content. */
  height: number;
  /** Days -> x, for anything else the element must place (e.g. a hover guide). */
  x: (days: number) => number;
}

/**
 * The duration view without its rows: the scale, the axis and the shown journeys, with each row
 * laid out on first request (`row(i)`, then cached). A scroll window of 2,000 journeys needs a
 * screenful of rows, not 2,000 objects per render.
 */
export interface DurationScale extends Omit<DurationLayout, 'rows'> {
  /** The journeys shown, filtered and sorted: row i draws journeys[i]. */
  journeys: readonly TtcvJourney[];
  /** The row of journeys[index] (the same object on every call). */
  row(index: number): DurationRow;
}

/**
 * Lay out the duration view: filter and sort the journeys, build a linear day scale that always
 * contains 0 (niced, over the shown journeys only, so filtering a segment fills the width), and
 * stack each journey's parts from zero (see the file comment for the geometry).
 */
export function durationLayout(summary: Pick<TtcvSummary, 'journeys'>, options: DurationLayoutOptions): DurationLayout {
  const { row, journeys, ...scale } = durationScale(orderJourneys(summary.journeys, options), options);
  return { ...scale, rows: journeys.map((_, i) => row(i)) };
}

/**
 * The lazy form of durationLayout for journeys already filtered and ordered (orderJourneys):
 * the scale now, each row when asked for.
 */
export function durationScale(
  shown: readonly TtcvJourney[],
  options: Pick<DurationLayoutOptions, 'width' | 'rowHeight' | 'inset' | 'tickCount'>,
): DurationScale {
  const { width, rowHeight, inset = 0 } = options;
  let lo = 0;
  let hi = 0;
  // indexed loops and the parts by name: this runs once per scale over every journey, on a page's
  // first render still in the interpreter
  for (let i = 0; i < shown.length; i++) {
    const j = shown[i]!;
    // the stack's ends without building it: negative parts add up left, the rest right
    const b = j.beforeSale ?? 0;
    const a = j.afterSale ?? 0;
    const m = j.toSmile ?? 0;
    const neg = (b < 0 ? b : 0) + (a < 0 ? a : 0) + (m < 0 ? m : 0);
    const pos = (b > 0 ? b : 0) + (a > 0 ? a : 0) + (m > 0 ? m : 0);
    if (neg < lo) lo = neg;
    if (pos > hi) hi = pos;
  }
  // nothing but zeros (or a span no pixel could show: 5e-324 days made the scale Infinity px a day,
  // so NaN bars): still draw a sensible axis
  if (hi - lo < 1e-6) hi = lo + 1;
  const tickCount = options.tickCount ?? Math.max(3, Math.floor(width / 80));
  // nice the ends to a step about a fifth of the tick step, not to the tick step itself: with few
  // ticks (a narrow plot) that step is large, and nice() to it blew -20..290 up to -200..400
  const [d0, d1] = nice(lo, hi, tickCount * 5);
  const x = linear(d0, d1, inset, Math.max(inset, width - inset));
  const rows: (DurationRow | undefined)[] = new Array(shown.length);
  const row = (index: number): DurationRow => {
    let r = rows[index];
    if (r) return r;
    const journey = shown[index]!;
    const s = stackParts(journey);
    const segments = s.parts.map((p): BarSegment => ({
      kind: p.kind,
      days: p.days,
      fromDays: p.fromDays,
      toDays: p.toDays,
      x: x(p.fromDays),
      width: x(p.toDays) - x(p.fromDays),
    }));
    const endX = x(s.pos);
    r = {
      journey,
      id: journey.id,
      index,
      y: index * rowHeight,
      segments,
      total: journey.total,
      totalX: journey.total === null ? null : x(journey.total),
      startX: x(s.neg),
      endX,
      open: journey.open,
      waitX: journey.open ? endX : null,
      partial: journey.partial,
      missing: TTCV_PARTS.filter((k) => journey[k] === null),
    };
    rows[index] = r;
    return r;
  };
  return {
    journeys: shown,
    row,
    domain: [d0, d1],
    zeroX: x(0),
    // day labels are short ("−40", "1,200"): about 14 px either side of the tick at 12 px
    ticks: axisTicks(ticks(d0, d1, tickCount), x, width, 14),
    rowHeight,
    height: shown.length * rowHeight,
    x,
  };
}

/**
 * Where a row's note ("Not measured: …", "still waiting") goes: after the bar's right end when
 * it ends in the left 60% of the plot, else before its left end (right-aligned) when that leaves
 * it 40% of the plot, so it stays in the plot without measuring text. A bar with little room on
 * either side keeps it on the right, where the row ends it (on the page's colour, over the total):
 * before its left end it was drawn over the journey names (a bar from 10 px to the end, found by
 * the axe fuzz).
 */
export function notePlacement(
  row: Pick<DurationRow, 'startX' | 'endX' | 'waitX'>,
  width: number,
  gap = 6,
): { x: number; anchor: 'start' | 'end' } {
  const right = (row.waitX ?? row.endX) + (row.waitX === null ? gap : gap + 8);
  if (right <= width * 0.6 || row.startX < width * 0.4) return { x: right, anchor: 'start' };
  return { x: row.startX - gap, anchor: 'end' };
}

/** The diverging stack of one journey in days: parts, and the left (neg) and right (pos) ends. */
function stackParts(j: TtcvJourney): { parts: Omit<BarSegment, 'x' | 'width'>[]; neg: number; pos: number } {
  let neg = 0;
  let pos = 0;
  const parts: Omit<BarSegment, 'x' | 'width'>[] = [];
  for (const kind of TTCV_PARTS) {
    const days = j[kind];
    if (days === null) continue;
    if (days < 0) {
      parts.push({ kind, days, fromDays: neg + days, toDays: neg });
      neg += days;
    } else {
      parts.push({ kind, days, fromDays: pos, toDays: pos + days });
      pos += days;
    }
  }
  return { parts, neg, pos };
}

// ---------------------------------------------------------------------------------------------
// Virtualisation

export { virtualWindow, type VirtualWindow, type VirtualWindowInput } from './virtual.js';

// ---------------------------------------------------------------------------------------------
// Summary

/** One part of the median written as Klever's Law. */
export interface LawPart {
  kind: TtcvPart;
  days: number;
}

/**
 * The median TTCV written as Klever's Law. The median of a sum is not the sum of the medians, so
 * the parts are those of the *median journey*: among the complete journeys sorted by total (ties
 * by id), the middle one, or, when their number is even, the mean of the two middle ones (the mean
 * is linear, so the parts still add up to the median exactly). The sentence is then a true
 * equation about a real (or averaged) journey. Each component's own median is in `components`.
 */
export interface MedianLaw {
  /** The median total (equal to the engine's total.median). */
  total: number;
  parts: LawPart[];
  /** The journey(s) whose parts these are (1, or 2 when averaged). */
  journeyIds: string[];
  /** total and parts rounded to `decimals` so that the rounded parts add up to the rounded total. */
  rounded: { total: number; parts: LawPart[] };
}

export interface SegmentMedian {
  segment: string;
  n: number;
  complete: number;
  open: number;
  /** Median total over the segment's complete journeys (engine), null when none. */
  median: number | null;
  p90: number | null;
  atOrBelowZero: number | null;
}

export interface TtcvSummaryView {
  /** The segment summarised, or null for all journeys. */
  segment: string | null;
  counts: { journeys: number; complete: number; partial: number; open: number };
  /** Total stats over the complete journeys (the engine's). */
  total: Stats;
  /** Share 0..1 of complete journeys with total <= 0 (the engine's); null when none is complete. */
  atOrBelowZero: number | null;
  /** The median as Klever's Law; null when no journey is complete. */
  law: MedianLaw | null;
  /** Each component's stats over the journeys where it is known (the engine's). */
  components: Record<TtcvPart, Stats>;
  /** Every segment's figures, sorted by segment name (always all segments, for the group list). */
  segments: SegmentMedian[];
}

export interface SummaryOptions {
  /** Summarise one segment (bySegment) instead of all journeys; unknown segment: an empty view. */
  segment?: string | null;
  /** Decimals for `law.rounded`; default 0 (whole days). */
  decimals?: number;
  /** Locale for sorting segment names; default: the runtime's. */
  locale?: string;
}

const EMPTY_STATS: Stats = { n: 0, median: null, mean: null, p90: null };
const EMPTY_AGGREGATE: TtcvAggregate = {
  n: 0,
  complete: 0,
  open: 0,
  atOrBelowZero: null,
  beforeSale: EMPTY_STATS,
  afterSale: EMPTY_STATS,
  toSmile: EMPTY_STATS,
  total: EMPTY_STATS,
};

/**
 * The numbers above the chart: counts, p90, share at or below zero and per-component stats come
 * straight from the engine's aggregate (so the widget shows the engine's numbers), plus the median
 * written as Klever's Law (see MedianLaw) and each segment's median.
 */
export function summaryView(summary: TtcvSummary, options: SummaryOptions = {}): TtcvSummaryView {
  const segment = options.segment ?? null;
  const agg =
    segment === null
      ? summary.overall
      : Object.hasOwn(summary.bySegment, segment)
        ? summary.bySegment[segment]!
        : EMPTY_AGGREGATE;
  const journeys = segment === null ? summary.journeys : summary.journeys.filter((j) => j.segment === segment);
  const compare = labelComparer(options.locale);
  return {
    segment,
    counts: { journeys: agg.n, complete: agg.complete, partial: agg.n - agg.complete, open: agg.open },
    total: agg.total,
    atOrBelowZero: agg.atOrBelowZero,
    law: medianLaw(journeys, options.decimals ?? 0),
    components: { beforeSale: agg.beforeSale, afterSale: agg.afterSale, toSmile: agg.toSmile },
    segments: Object.keys(summary.bySegment)
      .sort(compare)
      .map((name) => {
        const a = summary.bySegment[name]!;
        return {
          segment: name,
          n: a.n,
          complete: a.complete,
          open: a.open,
          median: a.total.median,
          p90: a.total.p90,
          atOrBelowZero: a.atOrBelowZero,
        };
      }),
  };
}

/** The median journey's parts over the complete journeys (see MedianLaw); null when none. */
export function medianLaw(journeys: readonly TtcvJourney[], decimals = 0): MedianLaw | null {
  const complete = journeys.filter((j) => !j.partial && j.total !== null);
  const n = complete.length;
  if (n === 0) return null;
  // the middle one or two in (total, id) order without sorting the journeys (a comparator run
  // ~22,000 times for 2,000 journeys): the totals sort natively, then only the ties of a middle
  // total are put in id order
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) totals[i] = complete[i]!.total!;
  totals.sort();
  const mid: TtcvJourney[] = [];
  for (let k = n % 2 ? n >> 1 : (n >> 1) - 1; k <= n >> 1; k++) {
    const v = totals[k]!;
    let first = k;
    while (first > 0 && totals[first - 1] === v) first--;
    mid.push(complete.filter((j) => j.total === v).sort((a, b) => ascending(a.id, b.id))[k - first]!);
  }
  const mean = (k: TtcvPart | 'total') => mid.reduce((s, j) => s + j[k]!, 0) / mid.length;
  const parts = TTCV_PARTS.map((kind) => ({ kind, days: mean(kind) }));
  const total = mean('total');
  const r = roundToSum(
    parts.map((p) => p.days),
    total,
    decimals,
  );
  return {
    total,
    parts,
    journeyIds: mid.map((j) => j.id),
    rounded: { total: r.total, parts: parts.map((p, i) => ({ kind: p.kind, days: r.parts[i]! })) },
  };
}

/**
 * Round values to `decimals` so that they add up to the rounded sum (largest remainder), so a
 * displayed "12 = −3 + 11 + 4" is arithmetic a reader can check.
 */
export function roundToSum(values: readonly number[], sum: number, decimals = 0): { total: number; parts: number[] } {
  const f = 10 ** decimals;
  const target = Math.round(sum * f);
  const floors = values.map((v) => Math.floor(v * f + 1e-9));
  let deficit = target - floors.reduce((a, b) => a + b, 0);
  const order = values
    .map((v, i) => ({ i, rem: v * f - floors[i]! }))
    .sort((a, b) => (deficit >= 0 ? b.rem - a.rem : a.rem - b.rem) || a.i - b.i);
  for (let k = 0; deficit !== 0 && k < order.length * 4; k++) {
    const { i } = order[k % order.length]!;
    const step = Math.sign(deficit);
    floors[i]! += step;
    deficit -= step;
  }
  return { total: target / f, parts: floors.map((v) => v / f + 0) }; // + 0 turns -0 into 0
}

/** Plain-English names of the parts, for default texts (elements may pass their own). */
export const PART_NAMES: Record<TtcvPart, string> = {
  beforeSale: 'before sale',
  afterSale: 'after sale',
  toSmile: 'to smile',
};

export interface LawPiece {
  kind: 'total' | TtcvPart;
  /** '' for the total, '=' for the first part, '+' or '−' (U+2212) after it. */
  operator: '' | '=' | '+' | '−';
  /** The formatted number: signed for the total and the first part, a magnitude after + / −. */
  text: string;
  /** 'days' for the total, else the part's name. */
  label: string;
}

/**
 * Klever's Law as pieces an element can style:
 * "Median 12 days = −3 before sale + 11 after sale + 4 to smile". Uses `law.rounded`, so the
 * pieces add up. `format` turns a number into text (give an Intl.NumberFormat's format for the
 * locale); the default writes the minus as U+2212.
 */
export function lawPieces(
  law: MedianLaw,
  format: (n: number) => string = defaultNumber,
  names: Record<TtcvPart, string> = PART_NAMES,
): LawPiece[] {
  const total = law.rounded.total;
  const pieces: LawPiece[] = [
    { kind: 'total', operator: '', text: format(total), label: total === 1 || total === -1 ? 'day' : 'days' },
  ];
  law.rounded.parts.forEach((p, i) => {
    if (i === 0) pieces.push({ kind: p.kind, operator: '=', text: format(p.days), label: names[p.kind] });
    else
      pieces.push({
        kind: p.kind,
        operator: p.days < 0 ? '−' : '+',
        text: format(Math.abs(p.days)),
        label: names[p.kind],
      });
  });
  return pieces;
}

/** The pieces as one sentence: "Median 12 days = −3 before sale + 11 after sale + 4 to smile". */
export function lawText(law: MedianLaw, format: (n: number) => string = defaultNumber, prefix = 'Median'): string {
  return [
    prefix,
    ...lawPieces(law, format).map((p) => `${p.operator ? p.operator + ' ' : ''}${p.text} ${p.label}`),
  ].join(' ');
}

/**
 * A row's spoken summary (for aria-label or the table view), in the law's form:
 * "Acme: 12 days = −3 before sale + 11 after sale + 4 to smile", then ", still waiting" when open
 * and "; Not measured: after sale" when partial; "Delta: Not measured" when no part is known.
 * Unrounded values go through `format` (pass an Intl.NumberFormat's format).
 */
export function journeyText(
  j: Pick<TtcvJourney, 'label' | 'total' | 'open' | TtcvPart>,
  format: (n: number) => string = defaultNumber,
  names: Record<TtcvPart, string> = PART_NAMES,
): string {
  if (j.total === null) return `${j.label}: Not measured`;
  const known = TTCV_PARTS.filter((k) => j[k] !== null);
  const missing = TTCV_PARTS.filter((k) => j[k] === null);
  const parts = known
    .map((k, i) => {
      const v = j[k]!;
      if (i === 0) return `${format(v)} ${names[k]}`;
      return `${v < 0 ? '\u2212' : '+'} ${format(Math.abs(v))} ${names[k]}`;
    })
    .join(' ');
  let text = `${j.label}: ${format(j.total)} days = ${parts}`;
  if (j.open) text += ', still waiting';
  if (missing.length) text += `; Not measured: ${missing.map((k) => names[k]).join(', ')}`;
  return text;
}

function defaultNumber(n: number): string {
  return String(n + 0).replace('-', '\u2212');
}

// ---------------------------------------------------------------------------------------------
// Calendar view

export interface EventMark {
  type: JourneyEventType;
  /** Epoch ms (UTC). */
  at: number;
  x: number;
  id?: string;
}

/** An interruption until its smile; open ones run to asOf. */
export interface InterruptionSpan {
  start: number;
  /** Epoch ms of the smile, or asOf when still open. */
  end: number;
  x0: number;
  x1: number;
  /** Not yet closed by a smile: draw the right end as "still waiting". */
  open: boolean;
  id?: string;
}

export interface CalendarLane {
  journey: TtcvJourney;
  id: string;
  index: number;
  y: number;
  /** Every dated event, in time order (interruption and smile included: they also end spans). */
  marks: EventMark[];
  spans: InterruptionSpan[];
  /** True when the journey has no dated events (given by durations): the lane says so. */
  undated: boolean;
}

export type CalendarTickUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

export interface CalendarLayout {
  lanes: CalendarLane[];
  /** Epoch ms domain after nice(). */
  domain: [number, number];
  /** UTC ticks (epoch ms) and their x. */
  ticks: AxisTick[];
  /** The tick spacing, to pick an Intl date format (e.g. 'month' -> "Mar 2026"). */
  tickUnit: CalendarTickUnit;
  asOf: number;
  asOfX: number;
  rowHeight: number;
  height: number;
  x: (ms: number) => number;
}

export interface CalendarLayoutOptions extends JourneyOrderOptions {
  width: number;
  rowHeight: number;
  inset?: number;
  tickCount?: number;
}

/** The calendar view without its lanes: each lane laid out on first request (see DurationScale). */
export interface CalendarScale extends Omit<CalendarLayout, 'lanes'> {
  journeys: readonly TtcvJourney[];
  /** The lane of journeys[index] (the same object on every call). */
  lane(index: number): CalendarLane;
}

/**
 * Lay out the calendar view: a UTC time scale over every shown journey's events, span ends and
 * asOf (niced); one lane per journey in the same order as the duration view. With no dated event
 * at all, the axis shows the 30 days up to asOf.
 */
export function calendarLayout(summary: TtcvSummary, options: CalendarLayoutOptions): CalendarLayout {
  const { lane, journeys, ...scale } = calendarScale(orderJourneys(summary.journeys, options), summary.asOf, options);
  return { ...scale, lanes: journeys.map((_, i) => lane(i)) };
}

/** The lazy form of calendarLayout for journeys already filtered and ordered (orderJourneys). */
export function calendarScale(
  shown: readonly TtcvJourney[],
  asOf: number,
  options: Pick<CalendarLayoutOptions, 'width' | 'rowHeight' | 'inset' | 'tickCount'>,
): CalendarScale {
  const { width, rowHeight, inset = 0 } = options;
  let lo = asOf;
  let hi = asOf;
  let any = false;
  // indexed loops: once per scale over every journey, on a page's first render still interpreted;
  // events come sorted by time, so the first and the last are a journey's ends
  for (let i = 0; i < shown.length; i++) {
    const { events, spans } = shown[i]!;
    if (events.length) {
      any = true;
      if (events[0]!.at < lo) lo = events[0]!.at;
      if (events[events.length - 1]!.at > hi) hi = events[events.length - 1]!.at;
    }
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k]!;
      if (s.start < lo) lo = s.start;
      if (s.end !== null && s.end > hi) hi = s.end;
    }
  }
  if (!any) lo = asOf - 30 * DAY_MS;
  if (lo === hi) hi = lo + DAY_MS;
  const tickCount = options.tickCount ?? Math.max(2, Math.floor(width / 90));
  // nice to whole UTC intervals (days, weeks, months…), as d3's scaleUtc().nice() does
  const interval = utcTickInterval(lo, hi, tickCount);
  const d0 = interval ? interval.floor(lo) : lo;
  const d1 = interval ? interval.ceil(hi) : hi;
  const x = linear(d0, d1, inset, Math.max(inset, width - inset));
  const lanes: (CalendarLane | undefined)[] = new Array(shown.length);
  const lane = (index: number): CalendarLane => {
    let l = lanes[index];
    if (l) return l;
    const journey = shown[index]!;
    l = {
      journey,
      id: journey.id,
      index,
      y: index * rowHeight,
      marks: journey.events.map((e) => {
        const m: EventMark = { type: e.type, at: e.at, x: x(e.at) };
        if (e.id !== undefined) m.id = e.id;
        return m;
      }),
      spans: journey.spans.map((s) => {
        // an interruption dated after asOf has counted nothing yet: a zero-length span
        const end = s.end ?? Math.max(asOf, s.start);
        const span: InterruptionSpan = { start: s.start, end, x0: x(s.start), x1: x(end), open: s.end === null };
        if (s.id !== undefined) span.id = s.id;
        return span;
      }),
      undated: journey.events.length === 0,
    };
    lanes[index] = l;
    return l;
  };
  // the ends niced as before, but labelled ticks one per 110 px: a date label ("Dec 2026") is
  // about 60 px wide at 12 px, and one a month at 90 px ran the last into the edge
  const labelled = options.tickCount ?? Math.max(2, Math.floor(width / 110));
  const tickList = axisTicks(utcTicks(d0, d1, labelled), x, width, 30);
  return {
    journeys: shown,
    lane,
    domain: [d0, d1],
    ticks: tickList,
    tickUnit: tickUnitOf(tickList),
    asOf,
    asOfX: x(asOf),
    rowHeight,
    height: shown.length * rowHeight,
    x,
  };
}

function tickUnitOf(ticks: AxisTick[]): CalendarTickUnit {
  const step = ticks.length > 1 ? ticks[1]!.value - ticks[0]!.value : DAY_MS;
  if (step >= 360 * DAY_MS) return 'year';
  if (step >= 28 * DAY_MS) return 'month';
  if (step >= 7 * DAY_MS) return 'week';
  if (step >= DAY_MS) return 'day';
  return 'hour';
}
