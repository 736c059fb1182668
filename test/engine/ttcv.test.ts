// Klever's Law (SPEC §4), rule by rule, with days worked out by hand from the dates.
import { expect } from '@open-wc/testing';
import {
  evaluate,
  evaluateDocument,
  parseDocument,
  parseIsoDate,
  stats,
  type Evaluation,
  type TtcvJourney,
} from '../../src/engine/index.js';

function summary(journeys: unknown[], asOf = '2026-03-01'): Evaluation['ttcv'] & object {
  const r = evaluate({ asOf, journeys });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.ttcv!;
}
const one = (events: unknown[], extra: Record<string, unknown> = {}, asOf?: string): TtcvJourney =>
  summary([{ id: 'j', events, ...extra }], asOf).journeys[0]!;
const warningsOf = (journeys: unknown[]) => {
  const r = evaluate({ asOf: '2026-03-01', journeys });
  return r.ok ? r.warnings.map((w) => w.code) : ['not ok'];
};

describe('TTCV from events', () => {
  it('value before the sale counts negative; after the sale positive; total is the sum', () => {
    const j = one([
      { type: 'engaged', at: '2026-01-01' },
      { type: 'value-before-sale', at: '2026-01-05' },
      { type: 'sale', at: '2026-01-15' },
      { type: 'value-after-sale', at: '2026-02-04' },
    ]);
    expect(j.beforeSale).to.equal(-10);
    expect(j.afterSale).to.equal(20);
    expect(j.toSmile).to.equal(0); // events, no interruption
    expect(j.total).to.equal(10);
    expect(j.partial).to.equal(false);
    expect(j.open).to.equal(false);
  });
  it('a sale without value-before-sale gives 0 before sale (no credit)', () => {
    expect(
      one([
        { type: 'sale', at: '2026-01-15' },
        { type: 'value-after-sale', at: '2026-01-16' },
      ]).beforeSale,
    ).to.equal(0);
  });
  it('no value after the sale yet: asOf − sale, and the journey is open', () => {
    const j = one([{ type: 'sale', at: '2026-02-20' }], {}, '2026-03-01');
    expect(j.afterSale).to.equal(9);
    expect(j.open).to.equal(true);
  });
  it('a sale after asOf: asOf − sale as written, negative (only an open interruption stops at 0)', () => {
    const j = one([{ type: 'sale', at: '2026-04-01' }], {}, '2026-03-01');
    expect(j.afterSale).to.equal(-31);
    expect(j.open).to.equal(true);
  });
  it('fractional days from date-times; a date-time without offset is UTC; offsets are honoured', () => {
    const j = one([
      { type: 'sale', at: '2026-01-01T00:00' },
      { type: 'value-after-sale', at: '2026-01-02T12:00:00+00:00' },
    ]);
    expect(j.afterSale).to.equal(1.5);
    const k = one([
      { type: 'sale', at: '2026-01-01T00:00:00Z' },
      { type: 'value-after-sale', at: '2026-01-01T06:00:00-06:00' }, // 12:00 UTC
    ]);
    expect(k.afterSale).to.equal(0.5);
  });
  it('a prospect (no sale) has null before and after sale, a partial total from time to smile', () => {
    const j = one([
      { type: 'engaged', at: '2026-01-01' },
      { type: 'interruption', at: '2026-01-10' },
      { type: 'smile', at: '2026-01-12' },
    ]);
    expect(j.beforeSale).to.equal(null);
    expect(j.afterSale).to.equal(null);
    expect(j.toSmile).to.equal(2);
    expect(j.total).to.equal(2);
    expect(j.partial).to.equal(true);
  });
  it('smiles with ref close their interruption; without ref the earliest open one at or before them', () => {
    const j = one([
      { type: 'sale', at: '2026-01-01' },
      { type: 'value-after-sale', at: '2026-01-02' },
      { type: 'interruption', at: '2026-01-10', id: 'i1' },
      { type: 'interruption', at: '2026-01-11', id: 'i2' },
      { type: 'smile', at: '2026-01-12', ref: 'i2' }, // i2: 1 day
      { type: 'smile', at: '2026-01-20' }, // closes i1: 10 days
    ]);
    expect(j.toSmile).to.equal(11);
    expect(j.spans.map((s) => [s.id, s.end !== null])).to.deep.equal([
      ['i1', true],
      ['i2', true],
    ]);
    expect(j.open).to.equal(false);
  });
  it('an interruption still open counts up to asOf (never below 0) and opens the journey', () => {
    const j = one(
      [
        { type: 'sale', at: '2026-01-01' },
        { type: 'value-after-sale', at: '2026-01-02' },
        { type: 'interruption', at: '2026-02-25' },
      ],
      {},
      '2026-03-01',
    );
    expect(j.toSmile).to.equal(4);
    expect(j.open).to.equal(true);
    const future = one([{ type: 'interruption', at: '2026-04-01' }], {}, '2026-03-01');
    expect(future.toSmile).to.equal(0);
  });
  it('a smile that closes nothing is a warning', () => {
    expect(warningsOf([{ id: 'j', events: [{ type: 'smile', at: '2026-01-01' }] }])).to.include('smile_unmatched');
    expect(
      warningsOf([
        {
          id: 'j',
          events: [
            { type: 'interruption', at: '2026-01-01', id: 'a' },
            { type: 'smile', at: '2026-01-02', ref: 'b' },
          ],
        },
      ]),
    ).to.include('smile_unmatched');
  });
  it("a smile that closes nothing is named by its place in the document's list, not in time order", () => {
    const r = evaluate({
      asOf: '2026-03-01',
      journeys: [
        { id: 'ok', events: [{ type: 'sale', at: '2026-01-01' }] },
        {
          id: 'j',
          events: [
            { type: 'smile', at: '2026-02-10' }, // closes the interruption of 02-01
            { type: 'smile', at: '2026-01-20' }, // before any interruption: closes nothing
            { type: 'interruption', at: '2026-02-01' },
            { type: 'smile', at: '2026-02-20' }, // nothing left open
          ],
        },
      ],
    });
    expect(r.ok).to.equal(true);
    if (r.ok) {
      const smiles = r.warnings.filter((w) => w.code === 'smile_unmatched');
      expect(smiles.map((w) => w.path)).to.deep.equal([
        ['journeys', 1, 'events', 1],
        ['journeys', 1, 'events', 3],
      ]);
      expect(r.ttcv!.journeys[1]!.toSmile).to.equal(9);
    }
  });
  it("parseDocument gives the journeys' warnings too, and evaluate each once", () => {
    const doc = {
      journeys: [
        { id: 'a', events: [{ type: 'smile', at: '2026-01-01' }] },
        { id: 'b', afterSale: 3, events: [{ type: 'sale', at: '2026-01-01' }] },
      ],
    };
    const keys = (ws: { code: string; path: (string | number)[] }[]) => ws.map((w) => `${w.code} ${w.path.join('.')}`);
    const want = ['smile_unmatched journeys.0.events.0', 'duration_and_events journeys.1.afterSale'];
    const p = parseDocument(doc);
    expect(p.ok && keys(p.warnings)).to.deep.equal(want);
    // an unknown key sends both through the full checks
    const p2 = parseDocument({ ...doc, extra: 1 });
    expect(p2.ok && keys(p2.warnings)).to.deep.equal(['unknown_key extra', ...want]);
    for (const d of [doc, { ...doc, extra: 1 }]) {
      const e = evaluate(d);
      const pd = parseDocument(d);
      expect(e.ok && keys(e.warnings)).to.deep.equal(pd.ok && keys(pd.warnings));
      if (pd.ok) {
        const again = evaluateDocument(pd.document, pd.warnings);
        expect(keys(again.warnings)).to.deep.equal(keys(pd.warnings));
      }
    }
  });
  it('explicit durations win over events for the same component, with a warning', () => {
    const doc = [
      {
        id: 'j',
        afterSale: 3,
        events: [
          { type: 'sale', at: '2026-01-01' },
          { type: 'value-after-sale', at: '2026-01-11' },
        ],
      },
    ];
    expect(summary(doc).journeys[0]!.afterSale).to.equal(3);
    expect(summary(doc).journeys[0]!.beforeSale).to.equal(0);
    expect(warningsOf(doc)).to.include('duration_and_events');
  });
  it('journeys from durations: missing components are null and make the total partial', () => {
    const s = summary([
      { id: 'a', beforeSale: -3, afterSale: 11, toSmile: 4 },
      { id: 'b', beforeSale: null, afterSale: 5 },
      { id: 'c' },
    ]);
    expect(s.journeys.map((j) => [j.total, j.partial])).to.deep.equal([
      [12, false],
      [5, true],
      [null, true],
    ]);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only, leap years included, and reads them as UTC', () => {
    expect(parseIsoDate('2024-02-29')).to.equal(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2000-02-29')).to.equal(Date.UTC(2000, 1, 29));
    for (const bad of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-01T24:00', 'x'])
      expect(parseIsoDate(bad), bad).to.equal(null);
    expect(parseIsoDate('2026-01-01T10:30')).to.equal(Date.UTC(2026, 0, 1, 10, 30));
    expect(parseIsoDate('2026-01-01T10:30:00+02:00')).to.equal(Date.UTC(2026, 0, 1, 8, 30));
    expect(new Date(parseIsoDate('0050-06-01')!).getUTCFullYear()).to.equal(50);
  });
});

describe('TTCV aggregates', () => {
  it('median for odd and even n, p90 by nearest rank, mean', () => {
    expect(stats([5, 1, 3])).to.deep.equal({ n: 3, median: 3, mean: 3, p90: 5 });
    expect(stats([4, 1, 3, 2])).to.deep.equal({ n: 4, median: 2.5, mean: 2.5, p90: 4 });
    // n = 10: the ⌈9⌉-th = 9th smallest
    expect(stats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).p90).to.equal(9);
    // n = 11: ⌈9.9⌉ = 10th smallest
    expect(stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).to.equal(10);
    expect(stats([])).to.deep.equal({ n: 0, median: null, mean: null, p90: null });
  });
  it('totals and atOrBelowZero over complete journeys only; components over their non-null values', () => {
    const s = summary([
      { id: 'a', segment: 'SMB', beforeSale: -10, afterSale: 5, toSmile: 0 }, // -5
      { id: 'b', segment: 'SMB', beforeSale: 0, afterSale: 10, toSmile: 2 }, // 12
      { id: 'c', segment: 'Ent', beforeSale: -2, afterSale: 30, toSmile: 1 }, // 29
      { id: 'd', segment: 'Ent', beforeSale: null, afterSale: 100, toSmile: 0 }, // partial
      { id: 'e', events: [{ type: 'sale', at: '2026-02-27' }] }, // open: 0 + 2 + 0 = 2, complete
    ]);
    const o = s.overall;
    expect([o.n, o.complete, o.open]).to.deep.equal([5, 4, 1]);
    expect(o.total.n).to.equal(4);
    expect(o.total.median).to.equal((2 + 12) / 2); // -5, 2, 12, 29
    expect(o.atOrBelowZero).to.equal(1 / 4);
    expect(o.afterSale.n).to.equal(5);
    expect(o.afterSale.median).to.equal(10); // 2, 5, 10, 30, 100
    expect(o.beforeSale.n).to.equal(4);
    expect(Object.keys(s.bySegment).sort()).to.deep.equal(['Ent', 'SMB']);
    expect(s.bySegment.Ent!.total.n).to.equal(1);
    expect(s.bySegment.SMB!.total.median).to.equal(3.5);
  });
  it('keeps segments named like Object.prototype members as their own entries', () => {
    const s = summary([
      { id: 'a', segment: '__proto__', beforeSale: 0, afterSale: 5, toSmile: 1 },
      { id: 'b', segment: 'constructor', beforeSale: 0, afterSale: 7, toSmile: 1 },
    ]);
    expect(Object.keys(s.bySegment).sort()).to.deep.equal(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(s.bySegment)).to.equal(Object.prototype);
    expect(s.bySegment['__proto__']!.total.median).to.equal(6);
    expect(s.bySegment['constructor']!.total.median).to.equal(8);
  });
  it('asOf defaults to period.end', () => {
    const r = evaluate({
      period: { label: 'Q', end: '2026-01-11' },
      journeys: [{ id: 'j', events: [{ type: 'sale', at: '2026-01-01' }] }],
    });
    expect(r.ok && r.ttcv!.journeys[0]!.afterSale).to.equal(10);
  });
  it('bad dates and unknown event types are errors with their paths', () => {
    const r = evaluate({
      journeys: [
        {
          id: 'j',
          events: [
            { type: 'sale', at: '2026-13-01' },
            { type: 'x', at: '2026-01-01' },
            { type: 'sale', at: 'yesterday' },
          ],
        },
      ],
    });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const text = r.issues.map((i) => i.message).join('\n');
    expect(text).to.contain('journeys[0].events[0].at');
    expect(text).to.contain('journeys[0].events[1].type');
    expect(text).to.contain('journeys[0].events[2].at');
  });
});
