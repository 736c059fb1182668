// The gauge layout, DOM-free. Expected numbers are worked out by hand from SPEC §3 and the
// layout's stated geometry (240° sweep, 0 at 8 o'clock, 100 at 4 o'clock).
import { expect } from '@open-wc/testing';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import {
  angleOf,
  attributeDocument,
  END_ANGLE,
  gaugeFacts,
  layoutGauge,
  sector,
  START_ANGLE,
} from '../../src/layout/gauge.js';

const close = (a: number, b: number, eps = 1e-9) => expect(Math.abs(a - b), `${a} ≈ ${b}`).to.be.below(eps);

const minimal = {
  root: {
    id: 'customer-composite',
    label: 'Customer Composite Score',
    children: [
      { id: 'nps', label: 'NPS', unit: 'nps', value: 32, weight: 2 },
      { id: 'csat', label: 'CSAT', unit: 'percent', value: 88, weight: 2 },
      { id: 'self-service', label: 'Self-service success', unit: 'percent', value: null, weight: 1 },
    ],
  },
};
const ev = (doc: unknown) => {
  const r = evaluate(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r as Evaluation;
};

describe('layout/gauge', () => {
  it('maps scores onto a 240° dial, clamped', () => {
    close(angleOf(0), (-2 * Math.PI) / 3);
    close(angleOf(100), (2 * Math.PI) / 3);
    close(angleOf(50), 0);
    close(angleOf(25), -Math.PI / 3);
    close(angleOf(-5), START_ANGLE);
    close(angleOf(140), END_ANGLE);
  });

  it('stacks the children as segments as wide as their contributions', () => {
    const e = ev(minimal);
    // NPS 32 -> 66, CSAT 88; weights 2:2 among the measured -> contributions 33 and 44; total 77
    const g = layoutGauge(e.root!, 320);
    expect(g.segments.map((s) => s.id)).to.deep.equal(['nps', 'csat']);
    close(g.segments[0]!.from, 0);
    close(g.segments[0]!.to, 33, 1e-9);
    close(g.segments[1]!.from, 33, 1e-9);
    close(g.segments[1]!.to, 77, 1e-9);
    expect(g.segments.map((s) => s.series)).to.deep.equal([1, 2]);
    for (const s of g.segments) expect(s.d).to.match(/^M/);
  });

  it('draws a leaf as one segment from 0 to its score, in its status colour', () => {
    const e = ev(attributeDocument(72, 'Customer Composite', 80));
    const g = layoutGauge(e.root!, 320);
    expect(g.segments).to.have.length(1);
    expect(g.segments[0]).to.include({ from: 0, to: 72, series: null, status: 'good' });
  });

  it('puts the status bands at the thresholds', () => {
    const e = ev({ thresholds: { good: 80, watch: 50 }, root: { id: 'x', label: 'X', value: 10 } });
    const g = layoutGauge(e.root!, 400);
    expect(g.bands.map((b) => [b.status, b.from, b.to])).to.deep.equal([
      ['act', 0, 50],
      ['watch', 50, 80],
      ['good', 80, 100],
    ]);
  });

  it('puts the geometry where the stated maths says (width 320)', () => {
    const g = layoutGauge(ev(attributeDocument(72, 'C', 80)).root!, 320);
    // margin = max(4, 0.03·320) = 9.6; outer radius = (320 − 19.2)/2 = 150.4; centre (160, 160)
    expect(g.cx).to.equal(160);
    expect(g.cy).to.equal(160);
    expect(g.bandOuter).to.equal(150.4);
    // band 0.06·150.4 = 9.024 thick, gap 0.025·150.4 = 3.76: ring outer 150.4 − 9.024 − 3.76 = 137.616
    close(g.ringOuter, 137.62, 1e-9);
    // target 80 -> angle −120° + 0.8·240° = 72°; the marker's outer end at radius 150.4 + 3
    const a = (72 * Math.PI) / 180;
    close(g.target!.x2, Math.round((160 + 153.4 * Math.sin(a)) * 100) / 100, 1e-9);
    close(g.target!.y2, Math.round((160 - 153.4 * Math.cos(a)) * 100) / 100, 1e-9);
    // the dial's ends sit at cy + r/2; ticks below them: height = 160 + 75.2 + 1.6·tick + 9.6
    expect(g.height).to.equal(Math.ceil(160 + 75.2 + 1.6 * g.tickFontSize + 9.6));
    expect(g.ticks.map((t) => t.value)).to.deep.equal([0, 100]);
  });

  it('goes compact below 220 px and never below 120 px', () => {
    const small = layoutGauge(ev(minimal).root!, 160);
    expect(small.compact).to.equal(true);
    expect(small.ticks).to.have.length(0);
    expect(layoutGauge(ev(minimal).root!, 40).width).to.equal(120);
    expect(layoutGauge(ev(minimal).root!, 600).compact).to.equal(false);
  });

  it('has no target marker without a target', () => {
    expect(layoutGauge(ev(minimal).root!, 320).target).to.equal(null);
  });

  it('finds coverage, the biggest lever in the node’s points, and table rows', () => {
    const e = ev(minimal);
    const f = gaugeFacts(e, e.root!);
    // coverage: (2·1 + 2·1 + 1·0)/5 = 0.8
    close(f.coverage!, 0.8);
    // gains: NPS 0.5·(100−66) = 17, CSAT 0.5·(100−88) = 6 -> NPS first
    expect(f.lever).to.deep.include({ id: 'nps', kind: 'improve' });
    close(f.lever!.points!, 17);
    expect(f.rows.map((r) => [r.id, r.contribution])).to.deep.equal([
      ['nps', 33],
      ['csat', 44],
      ['self-service', null],
    ]);
  });

  it('gives the lever in points of a sub-node, and respects the lens', () => {
    const doc = {
      root: {
        id: 'r',
        label: 'R',
        children: [
          {
            id: 'a',
            label: 'A',
            weight: 1,
            children: [
              { id: 'a1', label: 'A1', value: 50, lens: ['executive'] },
              { id: 'a2', label: 'A2', value: 80, lens: ['frontline'] },
            ],
          },
          { id: 'b', label: 'B', weight: 3, value: 10 },
        ],
      },
    };
    const e = ev(doc);
    // a's effective weight 0.25; a1's gain to the root 0.25·0.5·50 = 6.25 -> 25 points of a
    const f = gaugeFacts(e, e.nodes['a']!);
    expect(f.lever).to.deep.include({ id: 'a1', kind: 'improve' });
    close(f.lever!.points!, 25);
    const g = gaugeFacts(e, e.nodes['a']!, 'frontline');
    // a2: 0.25·0.5·20 = 2.5 to the root -> 10 points of a
    expect(g.lever).to.deep.include({ id: 'a2' });
    close(g.lever!.points!, 10);
    expect(g.rows.map((r) => r.inLens)).to.deep.equal([false, true]);
  });

  it('suggests measuring when nothing under the node is measured', () => {
    const e = ev({ root: { id: 'r', label: 'R', children: [{ id: 'x', label: 'X', value: null }] } });
    expect(gaugeFacts(e, e.root!).lever).to.deep.equal({ id: 'x', label: 'X', kind: 'measure', points: null });
  });

  it('names the previous period and lists small samples', () => {
    const doc = {
      period: { label: '2026-Q3' },
      minSample: 30,
      root: {
        id: 'r',
        label: 'R',
        children: [
          {
            id: 'nps',
            label: 'NPS',
            responses: { kind: 'nps', scores: [10, 10, 9, 3] },
            history: [{ period: '2026-Q2', value: 10 }],
          },
        ],
      },
    };
    const e = ev(doc);
    const f = gaugeFacts(e, e.root!);
    expect(f.previousPeriod).to.equal('2026-Q2');
    expect(f.smallSamples).to.deep.equal([{ id: 'nps', label: 'NPS', sampleSize: 4 }]);
    // NPS (3 − 1)/4·100 = 50 -> score 75; Q2 10 -> 55; delta 20
    close(f.delta!, 20, 1e-9);
  });
});

describe('layout/gauge sector', () => {
  it('draws a ring sector through the hand-computed corners', () => {
    // centre (100,100), radii 40..50, from 12 o'clock (0) to 3 o'clock (π/2)
    expect(sector(100, 100, 40, 50, 0, Math.PI / 2)).to.equal(
      'M100,50A50,50,0,0,1,150,100L140,100A40,40,0,0,0,100,60Z',
    );
    // more than half a turn sets the large-arc flag
    expect(sector(0, 0, 1, 2, -2, 2)).to.contain('A2,2,0,1,1');
    expect(sector(0, 0, 1, 2, 1, 1)).to.equal('');
  });
});

describe('layout/gauge facts of a leaf', () => {
  it('names no lever for a leaf gauge (it would be the leaf itself)', () => {
    const e = ev(attributeDocument(72, 'C', 80));
    expect(gaugeFacts(e, e.root!).lever).to.equal(null);
    expect(gaugeFacts(e, e.root!).coverage).to.equal(null);
  });
});
