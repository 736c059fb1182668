// The TTCV timeline layout: bars from zero by Klever's Law, sorting/filtering, the virtual window,
// the summary (checked against the engine on the sample) and the calendar marks.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluate } from '../../src/engine/index.js';
import type { TtcvJourney, TtcvSummary } from '../../src/engine/types.js';
import {
  calendarLayout,
  durationLayout,
  journeyText,
  labelCentre,
  lawPieces,
  lawText,
  medianLaw,
  notePlacement,
  orderJourneys,
  roundToSum,
  summaryView,
  virtualWindow,
} from '../../src/layout/timeline.js';

const DAY = 86_400_000;
/** Pixel positions go through a scale: compare them rounded to 3 decimals. */
const r3 = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000 + 0);

function journey(
  id: string,
  beforeSale: number | null,
  afterSale: number | null,
  toSmile: number | null,
  extra: Partial<TtcvJourney> = {},
): TtcvJourney {
  const parts = [beforeSale, afterSale, toSmile].filter((p): p is number => p !== null);
  return {
    id,
    label: extra.label ?? id,
    beforeSale,
    afterSale,
    toSmile,
    total: parts.length ? parts.reduce((a, b) => a + b, 0) : null,
    partial: parts.length < 3,
    open: false,
    events: [],
    spans: [],
    ...extra,
  };
}

// A: the usual case, B: open (still waiting for value), C: partial (afterSale not known), D: nothing known.
const A = journey('A', -3, 11, 4, { label: 'Acme', segment: 'SMB' });
const B = journey('B', 0, 20, 0, { label: 'Bravo', segment: 'Enterprise', open: true });
const C = journey('C', -10, null, 2, { label: 'Charlie', segment: 'SMB' });
const D = journey('D', null, null, null, { label: 'Delta' });
const hand = { journeys: [A, B, C, D] };

async function sample() {
  const r = evaluate(await (await fetch('/examples/ocmf-sample.json')).json());
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r;
}

describe('durationLayout', () => {
  // domain [-10, 20] (the left end of C, the right end of B) over 300 px: 10 px a day, zero at 100
  const layout = durationLayout(hand, { width: 300, rowHeight: 20 });
  const row = (id: string) => layout.rows.find((r) => r.id === id)!;

  it('builds a day axis that contains zero, with nice ticks', () => {
    expect(layout.domain).to.deep.equal([-10, 20]);
    expect(r3(layout.zeroX)).to.equal(100);
    expect(layout.ticks.map((t) => t.value)).to.deep.equal([-10, 0, 10, 20]);
    expect(layout.ticks.map((t) => r3(t.x))).to.deep.equal([0, 100, 200, 300]);
    expect(layout.height).to.equal(80);
  });

  it('draws a negative beforeSale left of zero, then afterSale from zero and toSmile after it', () => {
    const a = row('A');
    expect(a.segments.map((s) => [s.kind, r3(s.x), r3(s.width)])).to.deep.equal([
      ['beforeSale', 70, 30],
      ['afterSale', 100, 110],
      ['toSmile', 210, 40],
    ]);
    expect(r3(a.totalX)).to.equal(220); // 12 days
    expect([r3(a.startX), r3(a.endX)]).to.deep.equal([70, 250]);
    expect(a.open).to.equal(false);
    expect(a.waitX).to.equal(null);
    expect(a.missing).to.deep.equal([]);
  });

  it('ends an open journey in a waiting mark at the right end of its bar', () => {
    const b = row('B');
    expect(b.open).to.equal(true);
    expect(r3(b.waitX)).to.equal(300);
    expect(r3(b.totalX)).to.equal(300);
    // 0-day parts are kept with width 0, at the end of the stack
    expect(b.segments.map((s) => [s.kind, r3(s.x), r3(s.width)])).to.deep.equal([
      ['beforeSale', 100, 0],
      ['afterSale', 100, 200],
      ['toSmile', 300, 0],
    ]);
  });

  it('says what a partial journey is missing, and stacks the known parts from zero', () => {
    const c = row('C');
    expect(c.partial).to.equal(true);
    expect(c.missing).to.deep.equal(['afterSale']);
    expect(c.segments.map((s) => [s.kind, r3(s.x), r3(s.width)])).to.deep.equal([
      ['beforeSale', 0, 100],
      ['toSmile', 100, 20],
    ]);
    expect(r3(c.totalX)).to.equal(20); // -8 days
    const d = row('D');
    expect(d.segments).to.deep.equal([]);
    expect(d.totalX).to.equal(null);
    expect(d.missing).to.deep.equal(['beforeSale', 'afterSale', 'toSmile']);
  });

  it('never draws two parts over each other (positive beforeSale, negative afterSale)', () => {
    const odd = durationLayout(
      { journeys: [journey('P', 21.5, 18, null), journey('N', 2, -3, 0), journey('M', 0, -3, 3)] },
      { width: 100, rowHeight: 10 },
    );
    const days = (id: string) => odd.rows.find((r) => r.id === id)!.segments.map((s) => [s.kind, s.fromDays, s.toDays]);
    expect(days('P')).to.deep.equal([
      ['beforeSale', 0, 21.5],
      ['afterSale', 21.5, 39.5],
    ]);
    expect(days('N')).to.deep.equal([
      ['beforeSale', 0, 2],
      ['afterSale', -3, 0],
      ['toSmile', 2, 2],
    ]);
    expect(days('M')).to.deep.equal([
      ['beforeSale', 0, 0],
      ['afterSale', -3, 0],
      ['toSmile', 0, 3],
    ]);
  });

  it('rows carry their index and y', () => {
    expect(layout.rows.map((r) => [r.index, r.y])).to.deep.equal([
      [0, 0],
      [1, 20],
      [2, 40],
      [3, 60],
    ]);
  });

  it('keeps a narrow axis close to the data (-20..290 over 221 px)', () => {
    const wide = { journeys: [journey('W', -20, 250, 40)] };
    const l = durationLayout(wide, { width: 221, rowHeight: 20 });
    // 3 ticks (at least 3): step 100; the ends niced to 20 days, not to the tick step (-200..400)
    expect(l.ticks.map((t) => t.value)).to.deep.equal([0, 100, 200, 300]);
    expect(l.domain).to.deep.equal([-20, 300]);
  });

  it('an empty list still has an axis', () => {
    const e = durationLayout({ journeys: [] }, { width: 200, rowHeight: 20 });
    expect(e.rows).to.deep.equal([]);
    expect(e.domain[0]).to.equal(0);
    expect(e.domain[1]).to.be.greaterThan(0);
    expect(e.height).to.equal(0);
  });

  it('draws a span no pixel could show (5e-324 days, found by the element fuzz) on a one-day axis, never NaN', () => {
    // before: the domain was [-5e-324, 0], so the scale was Infinity px a day: zero at Infinity, bars at NaN
    for (const tiny of [-5e-324, 5e-324, -1e-9, 1e-7]) {
      const l = durationLayout({ journeys: [journey('T', null, null, tiny)] }, { width: 200, rowHeight: 20 });
      const r = l.rows[0]!;
      const xs = [l.zeroX, r.startX, r.endX, r.totalX, ...r.segments.flatMap((s) => [s.x, s.width])];
      expect(xs.every(Number.isFinite), `${tiny}: ${xs}`).to.equal(true);
      expect(l.domain[1] - l.domain[0], String(tiny)).to.be.at.least(1);
      expect(r3(r.segments[0]!.width)).to.equal(0);
    }
  });
});

describe('orderJourneys', () => {
  const ids = (list: TtcvJourney[]) => list.map((j) => j.id);

  it('sorts by total, nulls last in both directions', () => {
    expect(ids(orderJourneys(hand.journeys))).to.deep.equal(['C', 'A', 'B', 'D']);
    expect(ids(orderJourneys(hand.journeys, { direction: 'desc' }))).to.deep.equal(['B', 'A', 'C', 'D']);
  });

  it('sorts by label and by segment (no segment last; ties by total)', () => {
    expect(ids(orderJourneys(hand.journeys, { sortBy: 'label', direction: 'desc' }))).to.deep.equal([
      'D',
      'C',
      'B',
      'A',
    ]);
    expect(ids(orderJourneys(hand.journeys, { sortBy: 'segment' }))).to.deep.equal(['B', 'C', 'A', 'D']);
    expect(ids(orderJourneys(hand.journeys, { sortBy: 'segment', direction: 'desc' }))).to.deep.equal([
      'C',
      'A',
      'B',
      'D',
    ]);
  });

  it('breaks total ties by label, then id', () => {
    const t = [
      journey('z', 0, 5, 0, { label: 'Same' }),
      journey('y', 1, 4, 0, { label: 'Same' }),
      journey('x', 0, 5, 0, { label: 'Alpha' }),
    ];
    expect(ids(orderJourneys(t))).to.deep.equal(['x', 'y', 'z']);
  });

  it('orders random journeys as a plain comparator on total, label (numeric collation), id does', () => {
    // the reference: the rule as written, with the runtime's collator
    const collator = new Intl.Collator('en', { numeric: true });
    const reference = (list: TtcvJourney[], dir: 'asc' | 'desc') =>
      [...list].sort((a, b) => {
        if (a.total !== b.total) {
          if (a.total === null) return 1;
          if (b.total === null) return -1;
          return dir === 'asc' ? a.total - b.total : b.total - a.total;
        }
        return collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
    // few distinct totals and labels, so that ties (and case-only differences) are common
    const total = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -40, max: 40 }),
      fc.constantFrom(0, -0, 0.5, -0.5, 1e-9, -1e9, 123456.75, Number.MIN_VALUE),
    );
    const label = fc.oneof(
      fc.constantFrom(
        'Acme',
        'acme',
        'ACME',
        'Acme 2',
        'Acme 10',
        'Acme 02',
        'Beta-1',
        'Beta 1',
        'beta',
        'Zed',
        '',
        'Émile',
      ),
      fc.string({ unit: fc.constantFrom('a', 'B', '1', '0', ' ', '-', '.', 'z'), maxLength: 6 }),
    );
    const list = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), total, label }), {
      selector: (r) => r.id,
      maxLength: 60,
    });
    fc.assert(
      fc.property(list, fc.constantFrom('asc' as const, 'desc' as const), (rows, dir) => {
        const js = rows.map((r) => ({ ...journey(r.id, null, null, null, { label: r.label }), total: r.total }));
        expect(ids(orderJourneys(js, { direction: dir, locale: 'en' }))).to.deep.equal(ids(reference(js, dir)));
      }),
      { numRuns: 1500 },
    );
  });

  it('filters by segment, in both views', () => {
    expect(ids(orderJourneys(hand.journeys, { segment: 'SMB' }))).to.deep.equal(['C', 'A']);
    const l = durationLayout(hand, { width: 300, rowHeight: 20, segment: 'SMB', tickCount: 5 });
    expect(l.rows.map((r) => r.id)).to.deep.equal(['C', 'A']);
    expect(l.domain).to.deep.equal([-10, 15]); // refitted to the shown journeys (5-day ticks)
    expect(durationLayout(hand, { width: 300, rowHeight: 20, tickCount: 5 }).domain).to.deep.equal([-10, 20]);
    expect(orderJourneys(hand.journeys, { segment: 'Nowhere' })).to.deep.equal([]);
  });
});

describe('journeyText', () => {
  it('speaks a row in the law\u2019s form, with the open and partial flags', () => {
    expect(journeyText(A)).to.equal('Acme: 12 days = \u22123 before sale + 11 after sale + 4 to smile');
    expect(journeyText(B)).to.equal('Bravo: 20 days = 0 before sale + 20 after sale + 0 to smile, still waiting');
    expect(journeyText(C)).to.equal(
      'Charlie: \u22128 days = \u221210 before sale + 2 to smile; Not measured: after sale',
    );
    expect(journeyText(D)).to.equal('Delta: Not measured');
    expect(journeyText(journey('n', 2, -3, 0, { label: 'N' }))).to.equal(
      'N: \u22121 days = 2 before sale \u2212 3 after sale + 0 to smile',
    );
  });
});

describe('virtualWindow', () => {
  it('renders only the rows in view plus the overscan', () => {
    // rows 50..70 are visible (1010 / 20 = 50.5; 1410 / 20 = 70.5), 5 more either side
    expect(
      virtualWindow({ scrollTop: 1010, viewportHeight: 400, rowHeight: 20, rowCount: 2000, overscan: 5 }),
    ).to.deep.equal({ start: 45, end: 76, offsetY: 900, totalHeight: 40000 });
  });

  it('clamps at the top and at the end, also when the list shrank under the scroll position', () => {
    expect(
      virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, rowCount: 2000, overscan: 5 }),
    ).to.deep.equal({
      start: 0,
      end: 25,
      offsetY: 0,
      totalHeight: 40000,
    });
    expect(
      virtualWindow({ scrollTop: 1e9, viewportHeight: 400, rowHeight: 20, rowCount: 2000, overscan: 5 }),
    ).to.deep.equal({ start: 1975, end: 2000, offsetY: 39500, totalHeight: 40000 });
    expect(
      virtualWindow({ scrollTop: 5000, viewportHeight: 400, rowHeight: 20, rowCount: 10, overscan: 5 }),
    ).to.deep.equal({
      start: 0,
      end: 10,
      offsetY: 0,
      totalHeight: 200,
    });
  });

  it('renders nothing for no rows or a bad row height', () => {
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, rowCount: 0 })).to.deep.equal({
      start: 0,
      end: 0,
      offsetY: 0,
      totalHeight: 0,
    });
    expect(virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 0, rowCount: 10 }).end).to.equal(0);
  });

  it('keeps the DOM small for 2,000 journeys at any scroll position', () => {
    for (let top = 0; top <= 40000; top += 777) {
      const w = virtualWindow({ scrollTop: top, viewportHeight: 600, rowHeight: 24, rowCount: 2000 });
      expect(w.end - w.start).to.be.at.most(Math.ceil(600 / 24) + 1 + 12);
      expect(w.start * 24).to.be.at.most(Math.min(top, 2000 * 24 - 600));
      expect(w.end * 24).to.be.at.least(Math.min(top + 600, 2000 * 24));
    }
  });
});

describe('the summary', () => {
  it('writes the median journey as Klever\u2019s Law (odd count: the middle journey)', () => {
    const j = [journey('j1', -3, 11, 4), journey('j2', -1, 5, 0), journey('j3', 0, 30, 2), C];
    const law = medianLaw(j)!; // C is partial: left out; totals 4, 12, 32
    expect(law.total).to.equal(12);
    expect(law.journeyIds).to.deep.equal(['j1']);
    expect(lawText(law)).to.equal('Median 12 days = \u22123 before sale + 11 after sale + 4 to smile');
    expect(lawPieces(law).map((p) => p.operator + p.text)).to.deep.equal(['12', '=\u22123', '+11', '+4']);
  });

  it('averages the two middle journeys for an even count, so the parts still add up', () => {
    const j = [journey('j1', -3, 11, 4), journey('j2', -1, 5, 0), journey('j3', 0, 30, 2), journey('j4', -5, 15, 10)];
    const law = medianLaw(j)!; // totals 4, 12, 20, 32: median 16 from j1 and j4
    expect(law.total).to.equal(16);
    expect(law.journeyIds).to.deep.equal(['j1', 'j4']);
    expect(law.parts.map((p) => p.days)).to.deep.equal([-4, 13, 7]);
  });

  it('rounds the parts so that they add up to the rounded total', () => {
    // -3.5 + 11.25 + 4.6 = 12.35: floors -4, 11, 4 (11); the missing 1 goes to the largest remainder (4.6)
    expect(roundToSum([-3.5, 11.25, 4.6], 12.35)).to.deep.equal({ total: 12, parts: [-4, 11, 5] });
    expect(roundToSum([1.25, 2.25], 3.5, 1)).to.deep.equal({ total: 3.5, parts: [1.3, 2.2] });
    const law = medianLaw([journey('x', -0.4, 10.4, 0.4)])!;
    expect(lawText(law)).to.equal('Median 10 days = 0 before sale + 10 after sale + 0 to smile');
    const tenth = medianLaw([journey('x', -0.4, 10.4, 0.4)], 1)!;
    expect(lawText(tenth, (n) => n.toFixed(1))).to.equal(
      'Median 10.4 days = -0.4 before sale + 10.4 after sale + 0.4 to smile',
    );
  });

  it('says "1 day", in the singular, for a median of one day either side of zero', () => {
    expect(lawText(medianLaw([journey('x', 0, 1, 0)])!)).to.equal(
      'Median 1 day = 0 before sale + 1 after sale + 0 to smile',
    );
    expect(lawText(medianLaw([journey('x', -2, 1, 0)])!)).to.match(/^Median \u22121 day = /);
    expect(lawText(medianLaw([journey('x', 0, 2, 0)])!)).to.match(/^Median 2 days = /);
  });

  it('picks the middle journey(s) in (total, id) order, ties included, as a full sort does', () => {
    // ties on total are decided by id; a partial journey never counts
    const tie = [journey('b', 0, 5, 0), journey('a', 0, 5, 0), journey('c', 0, 5, 0), journey('z', 0, 1, 0)];
    expect(medianLaw(tie)!.journeyIds).to.deep.equal(['a', 'b']); // order 1:z, 5:a, 5:b, 5:c
    expect(medianLaw(tie.slice(0, 3))!.journeyIds).to.deep.equal(['b']); // a, b, c
    const part = fc.oneof(fc.constant(null), fc.integer({ min: -20, max: 20 }), fc.constantFrom(0, -0, 0.5));
    const list = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), b: part, a: part, s: part }),
      { selector: (r) => r.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(list, (rows) => {
        const js = rows.map((r) => journey(r.id, r.b, r.a, r.s));
        const sorted = js
          .filter((j) => !j.partial)
          .sort((x, y) => x.total! - y.total! || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        const n = sorted.length;
        const want = n === 0 ? null : sorted.slice(n % 2 ? n >> 1 : (n >> 1) - 1, (n >> 1) + 1).map((j) => j.id);
        expect(medianLaw(js)?.journeyIds ?? null).to.deep.equal(want);
      }),
      { numRuns: 1000 },
    );
  });

  it('is null when no journey is complete', () => {
    expect(medianLaw([C, D])).to.equal(null);
  });

  it('shows the engine\u2019s numbers for the sample, overall and per segment', async () => {
    const r = await sample();
    const t = r.ttcv!;
    const v = summaryView(t);
    expect(v.counts).to.deep.equal({
      journeys: t.overall.n,
      complete: t.overall.complete,
      partial: t.overall.n - t.overall.complete,
      open: t.overall.open,
    });
    expect(v.counts.journeys).to.equal(62);
    expect(v.total).to.deep.equal(t.overall.total);
    expect(v.atOrBelowZero).to.equal(t.overall.atOrBelowZero);
    expect(v.components.toSmile).to.deep.equal(t.overall.toSmile);
    const law = v.law!;
    expect(law.total).to.equal(t.overall.total.median);
    expect(law.parts.reduce((s, p) => s + p.days, 0)).to.be.closeTo(law.total, 1e-9);
    expect(law.rounded.parts.reduce((s, p) => s + p.days, 0)).to.equal(law.rounded.total);
    expect(v.segments.map((s) => s.segment)).to.deep.equal(['Enterprise', 'Mid-market', 'SMB']);
    for (const s of v.segments) {
      expect(s.median).to.equal(t.bySegment[s.segment]!.total.median);
      expect(s.p90).to.equal(t.bySegment[s.segment]!.total.p90);
      expect(s.n).to.equal(t.bySegment[s.segment]!.n);
      const one = summaryView(t, { segment: s.segment });
      expect(one.total).to.deep.equal(t.bySegment[s.segment]!.total);
      expect(one.law?.total ?? null).to.equal(t.bySegment[s.segment]!.total.median);
    }
  });

  it('summarises a segment no journey has as empty, even one named like an Object member', async () => {
    const t = (await sample()).ttcv!;
    for (const segment of ['constructor', 'toString', '__proto__', 'Nobody']) {
      const v = summaryView(t, { segment });
      expect(v.counts.journeys, segment).to.equal(0);
      expect(v.total.n, segment).to.equal(0);
      expect(v.law, segment).to.equal(null);
    }
  });

  it('lays out the sample with the engine\u2019s totals on every row', async () => {
    const t = (await sample()).ttcv!;
    const l = durationLayout(t, { width: 600, rowHeight: 24 });
    expect(l.rows.length).to.equal(t.journeys.length);
    for (const row of l.rows) {
      expect(row.total).to.equal(row.journey.total);
      const sum = row.segments.reduce((s, p) => s + p.days, 0);
      if (row.total !== null) expect(sum).to.be.closeTo(row.total, 1e-9);
      if (row.totalX !== null) {
        expect(row.totalX).to.be.at.least(row.startX - 1e-9);
        expect(row.totalX).to.be.at.most(row.endX + 1e-9);
      }
      for (const s of row.segments) if (s.days < 0) expect(s.x + s.width).to.be.at.most(l.zeroX + 1e-9);
    }
    // Wayne Ltd (j-006): value after sale came 3 days before the sale: drawn left of zero
    const w = l.rows.find((r) => r.id === 'j-006')!;
    expect(w.segments.find((s) => s.kind === 'afterSale')!.days).to.equal(-3);
    expect(w.segments.find((s) => s.kind === 'afterSale')!.toDays).to.equal(0);
    // Black Mesa (j-038) has an interruption still open at asOf
    expect(l.rows.find((r) => r.id === 'j-038')!.waitX).to.equal(l.rows.find((r) => r.id === 'j-038')!.endX);
  });
});

describe('calendarLayout', () => {
  const at = (iso: string) => Date.parse(iso + 'T00:00:00Z');
  const doc = {
    asOf: '2026-03-31',
    journeys: [
      {
        id: 'a',
        label: 'Alpha',
        events: [
          { type: 'engaged', at: '2026-03-01' },
          { type: 'value-before-sale', at: '2026-03-05' },
          { type: 'sale', at: '2026-03-08' },
          { type: 'value-after-sale', at: '2026-03-15' },
          { type: 'interruption', at: '2026-03-20', id: 'i1' },
          { type: 'smile', at: '2026-03-22', ref: 'i1' },
        ],
      },
      {
        id: 'b',
        label: 'Bravo',
        events: [
          { type: 'sale', at: '2026-03-10' },
          { type: 'interruption', at: '2026-03-25' },
        ],
      },
      { id: 'c', label: 'Charlie', beforeSale: -2, afterSale: 5, toSmile: 0 },
    ],
  };
  let t: TtcvSummary;
  before(() => {
    const r = evaluate(doc);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    t = r.ttcv!;
  });

  it('spans the events and asOf on a nice UTC axis', () => {
    const l = calendarLayout(t, { width: 350, rowHeight: 20, sortBy: 'label' });
    // 1 to 31 March; about 3 ticks -> weekly ticks; 1 March 2026 is a Sunday (UTC weeks start on
    // Sunday) and the end is niced up to Sunday 5 April: 35 days over 350 px = 10 px a day
    expect(l.domain).to.deep.equal([at('2026-03-01'), at('2026-04-05')]);
    expect(l.tickUnit).to.equal('week');
    expect(l.ticks.map((k) => r3(k.x))).to.deep.equal([0, 70, 140, 210, 280, 350]);
    expect(r3(l.asOfX)).to.equal(300);
  });

  it('centres tick labels on their ticks, moved inwards at the ends to stay on the axis', () => {
    const l = calendarLayout(t, { width: 350, rowHeight: 20, sortBy: 'label' });
    // date labels are taken as 60 px wide: centres kept within [30, 320]
    expect(l.ticks.map((k) => r3(k.labelX))).to.deep.equal([30, 70, 140, 210, 280, 320]);
    expect(labelCentre(5, 20, 30)).to.equal(10); // narrower than a label: the middle
    // labels closer than 66 px (60 + a 6 px gap) to the previous drawn one are left out: 70 is 40
    // from 30, 320 is 40 from 280; every tick keeps its line
    expect(l.ticks.map((k) => k.label)).to.deep.equal([true, false, true, true, true, false]);
  });

  it('never draws two axis labels that run into each other, at any width', () => {
    for (let width = 120; width <= 1400; width += 37) {
      const cal = calendarLayout(t, { width, rowHeight: 20 }).ticks.filter((k) => k.label);
      for (let i = 1; i < cal.length; i++) expect(cal[i]!.labelX - cal[i - 1]!.labelX, `${width}`).to.be.at.least(66);
      for (const k of cal) {
        expect(k.labelX - 30).to.be.at.least(0);
        expect(k.labelX + 30).to.be.at.most(width);
      }
      const dur = durationLayout(t, { width, rowHeight: 20 }).ticks.filter((k) => k.label);
      expect(dur.length, `${width}`).to.be.at.least(2);
      for (let i = 1; i < dur.length; i++) expect(dur[i]!.labelX - dur[i - 1]!.labelX, `${width}`).to.be.at.least(34);
    }
  });

  it('puts every event on its lane and interruption-to-smile spans, open ones up to asOf', () => {
    const l = calendarLayout(t, { width: 350, rowHeight: 20, sortBy: 'label' });
    const [a, b, c] = l.lanes;
    expect(a!.marks.map((m) => [m.type, r3(m.x)])).to.deep.equal([
      ['engaged', 0],
      ['value-before-sale', 40],
      ['sale', 70],
      ['value-after-sale', 140],
      ['interruption', 190],
      ['smile', 210],
    ]);
    expect(a!.spans.map((s) => [r3(s.x0), r3(s.x1), s.open])).to.deep.equal([[190, 210, false]]);
    expect(b!.spans.map((s) => [r3(s.x0), r3(s.x1), s.open, s.end])).to.deep.equal([
      [240, 300, true, at('2026-03-31')],
    ]);
    expect(b!.y).to.equal(20);
    expect(c!.undated).to.equal(true);
    expect(c!.marks).to.deep.equal([]);
    expect(l.height).to.equal(60);
  });

  it('follows the same filter and order as the duration view', () => {
    const opts = { width: 300, rowHeight: 20, direction: 'desc' as const };
    expect(calendarLayout(t, opts).lanes.map((x) => x.id)).to.deep.equal(durationLayout(t, opts).rows.map((x) => x.id));
  });

  it('without dated events shows the 30 days up to asOf', () => {
    const r = evaluate({ asOf: '2026-03-31', journeys: [{ id: 'c', beforeSale: -2, afterSale: 5, toSmile: 0 }] });
    if (!r.ok) throw new Error('invalid');
    const l = calendarLayout(r.ttcv!, { width: 300, rowHeight: 20 });
    expect(l.domain[0]).to.be.at.most(at('2026-03-01'));
    expect(l.domain[1]).to.be.at.least(at('2026-03-31'));
    expect(l.asOfX).to.be.within(0, 300);
  });

  it('lays out the sample: every event of every journey is a mark, within the axis', async () => {
    const s = (await sample()).ttcv!;
    const l = calendarLayout(s, { width: 800, rowHeight: 20 });
    const events = s.journeys.reduce((n, j) => n + j.events.length, 0);
    expect(l.lanes.reduce((n, lane) => n + lane.marks.length, 0)).to.equal(events);
    for (const lane of l.lanes) {
      for (const m of lane.marks) expect(m.x).to.be.within(0, 800);
      for (const sp of lane.spans) expect(sp.x1).to.be.at.least(sp.x0);
    }
    expect(l.asOf).to.equal(Date.parse('2026-11-15T00:00:00Z'));
    expect(l.asOfX).to.be.within(0, 800);
    expect(l.domain[1] - l.domain[0]).to.be.greaterThan(100 * DAY);
  });
});

describe('notePlacement', () => {
  it('puts a note after a short bar, before a long one with room on its left, else after it', () => {
    // width 200: after the bar while its end + 6 px fits in the left 60% (120 px)
    expect(notePlacement({ startX: 50, endX: 100, waitX: null }, 200)).to.deep.equal({ x: 106, anchor: 'start' });
    // an open bar leaves room for the waiting mark (8 px)
    expect(notePlacement({ startX: 50, endX: 100, waitX: 100 }, 200)).to.deep.equal({ x: 114, anchor: 'start' });
    // before the bar when 40% of the plot (80 px) is left of it
    expect(notePlacement({ startX: 90, endX: 150, waitX: null }, 200)).to.deep.equal({ x: 84, anchor: 'end' });
    // little room on either side: after it, where the row ends it, never over the names on the left
    expect(notePlacement({ startX: 50, endX: 150, waitX: null }, 200)).to.deep.equal({ x: 156, anchor: 'start' });
    expect(notePlacement({ startX: 10, endX: 190, waitX: null }, 200)).to.deep.equal({ x: 196, anchor: 'start' });
    expect(notePlacement({ startX: 3, endX: 190, waitX: null }, 200)).to.deep.equal({ x: 196, anchor: 'start' });
  });
});
