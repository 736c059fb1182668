// The scorecard layout: rows (expansion, lens, sorting with children under parents), score bars,
// sparklines and their text, next steps, and the CSV export.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import {
  compositeIds,
  csvCell,
  fixedColumnEms,
  improveText,
  measureText,
  nextStepPicks,
  scoreBar,
  scorecardCsv,
  scorecardRows,
  sparkline,
  sparklineText,
  type ScorecardColumn,
} from '../../src/layout/scorecard.js';

// Scores (identity scoring): a1 80, a2 40 -> cat-a 60; b1 60, b2 not measured -> cat-b 60; c 90.
const doc = {
  title: 'Hand tree',
  period: { label: '2026-Q3' },
  root: {
    id: 'r',
    label: 'Root',
    children: [
      {
        id: 'cat-a',
        label: 'Alpha',
        children: [
          { id: 'a1', label: 'A one', lens: ['executive'], value: 80, history: [{ period: '2026-Q2', value: 70 }] },
          { id: 'a2', label: 'A two', lens: ['manager'], value: 40, weight: 1 },
        ],
      },
      {
        id: 'cat-b',
        label: 'Bravo',
        lens: ['manager'],
        children: [
          { id: 'b1', label: 'B one', lens: ['executive'], value: 60, target: 75 },
          { id: 'b2', label: 'B two', lens: ['manager'], value: null },
        ],
      },
      {
        id: 'c',
        label: '=HYPERLINK("http://x", "Sales, net")',
        lens: ['frontline'],
        value: 90,
        history: [
          { period: '2026-Q1', value: 85.8 },
          { period: '2026-Q2', value: null },
        ],
      },
    ],
  },
};

function run(input: unknown): Evaluation {
  const r = evaluate(input);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r;
}
const ev = run(doc);
const root = ev.root!;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('scorecardRows', () => {
  it('shows the children of the node, and expanded composites to any depth', () => {
    expect(ids(scorecardRows(root))).to.deep.equal(['cat-a', 'cat-b', 'c']);
    const rows = scorecardRows(root, { expanded: new Set(['cat-b']) });
    expect(rows.map((r) => [r.id, r.depth, r.level, r.parentRowId, r.posInSet, r.setSize])).to.deep.equal([
      ['cat-a', 0, 1, null, 1, 3],
      ['cat-b', 0, 1, null, 2, 3],
      ['b1', 1, 2, 'cat-b', 1, 2],
      ['b2', 1, 2, 'cat-b', 2, 2],
      ['c', 0, 1, null, 3, 3],
    ]);
    expect(rows.map((r) => [r.expandable, r.expanded])).to.deep.equal([
      [true, false],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(rows[2]!.node).to.equal(ev.nodes['b1']); // the engine's node, not a copy
    expect(ids(scorecardRows(ev.nodes['cat-a']!))).to.deep.equal(['a1', 'a2']);
  });

  it('expands every level of a deeper tree', () => {
    const deep = run({
      root: {
        id: 'r',
        label: 'R',
        children: [
          { id: 'x', label: 'X', children: [{ id: 'y', label: 'Y', children: [{ id: 'z', label: 'Z', value: 1 }] }] },
        ],
      },
    }).root!;
    expect(scorecardRows(deep, { expanded: compositeIds(deep) }).map((r) => [r.id, r.depth])).to.deep.equal([
      ['x', 0],
      ['y', 1],
      ['z', 2],
    ]);
    // a collapsed parent hides its expanded children
    expect(ids(scorecardRows(deep, { expanded: new Set(['y']) }))).to.deep.equal(['x']);
  });

  it('lens: shows only tagged nodes and lifts the visible drivers of a hidden composite into its place', () => {
    const all = compositeIds(root);
    // executive: cat-b (manager only) is hidden, its executive driver b1 takes its place; c is frontline only
    const exec = scorecardRows(root, { lens: 'executive', expanded: all });
    expect(exec.map((r) => [r.id, r.depth, r.parentRowId])).to.deep.equal([
      ['cat-a', 0, null],
      ['a1', 1, 'cat-a'],
      ['b1', 0, null],
    ]);
    expect(exec[2]!.via.map((n) => n.id)).to.deep.equal(['cat-b']);
    expect(exec[0]!.setSize).to.equal(2);
    expect(ids(scorecardRows(root, { lens: 'manager', expanded: all }))).to.deep.equal(['cat-a', 'a2', 'cat-b', 'b2']);
    // frontline: cat-a has no frontline driver, so it shows but cannot expand
    const front = scorecardRows(root, { lens: 'frontline', expanded: all });
    expect(front.map((r) => [r.id, r.expandable])).to.deep.equal([
      ['cat-a', false],
      ['c', false],
    ]);
  });

  it('lens never changes the scores (they are the whole tree\u2019s)', () => {
    const exec = scorecardRows(root, { lens: 'executive', expanded: compositeIds(root) });
    expect(exec.find((r) => r.id === 'cat-a')!.node.score).to.equal(60); // (80 + 40) / 2, a2 is hidden
    expect(root.score).to.equal(70); // (60 + 60 + 90) / 3
  });

  it('sorts each level, keeps children under their parents, and is stable on ties', () => {
    const expanded = new Set(['cat-a', 'cat-b']);
    const asc = scorecardRows(root, { expanded, sort: { column: 'score', direction: 'asc' } });
    // cat-a and cat-b tie at 60: document order; a2 (40) before a1 (80); b2 has no score: last
    expect(ids(asc)).to.deep.equal(['cat-a', 'a2', 'a1', 'cat-b', 'b1', 'b2', 'c']);
    const desc = scorecardRows(root, { expanded, sort: { column: 'score', direction: 'desc' } });
    expect(ids(desc)).to.deep.equal(['c', 'cat-a', 'a1', 'a2', 'cat-b', 'b1', 'b2']);
  });

  it('sorts by every column', () => {
    const top = (column: ScorecardColumn, direction: 'asc' | 'desc' = 'asc') =>
      ids(scorecardRows(root, { sort: { column, direction }, locale: 'en' }));
    // labels: "=HYPERLINK…" sorts before letters in the collation
    expect(top('label')).to.deep.equal(['c', 'cat-a', 'cat-b']);
    expect(top('label', 'desc')).to.deep.equal(['cat-b', 'cat-a', 'c']);
    expect(top('value', 'desc')).to.deep.equal(['c', 'cat-a', 'cat-b']);
    // status ascending is worst first: cat-a and cat-b are 'watch' (60 < 70), c is 'good'
    expect(top('status')).to.deep.equal(['cat-a', 'cat-b', 'c']);
    expect(top('status', 'desc')).to.deep.equal(['c', 'cat-a', 'cat-b']);
    // coverage: cat-b 0.5 (b2 missing), the others 1
    expect(top('coverage')).to.deep.equal(['cat-b', 'cat-a', 'c']);
    // delta: cat-a 60 - 70 (Q2: a1 alone) = -10; cat-b has no history and c's Q2 has no score:
    // both null, last in both directions, in document order
    expect(ev.nodes['cat-a']!.delta).to.equal(-10);
    expect(top('delta', 'desc')).to.deep.equal(['cat-a', 'cat-b', 'c']);
    expect(top('delta', 'asc')).to.deep.equal(['cat-a', 'cat-b', 'c']);
    expect(ids(scorecardRows(ev.nodes['cat-a']!, { sort: { column: 'delta', direction: 'desc' } }))).to.deep.equal([
      'a1',
      'a2',
    ]);
    const leaves = (column: ScorecardColumn, direction: 'asc' | 'desc') =>
      ids(scorecardRows(ev.nodes['cat-b']!, { sort: { column, direction } }));
    expect(leaves('share', 'asc')).to.deep.equal(['b2', 'b1']); // b2 missing: share 0
    expect(leaves('weight', 'desc')).to.deep.equal(['b1', 'b2']); // tie: document order
    expect(leaves('score', 'desc')).to.deep.equal(['b1', 'b2']);
    expect(leaves('score', 'asc')).to.deep.equal(['b1', 'b2']); // missing stays last
  });
});

describe('scoreBar', () => {
  it('maps 0..100 onto the track with the target and thresholds marked', () => {
    const b1 = ev.nodes['b1']!;
    expect(scoreBar(b1, 200)).to.deep.equal({ width: 120, targetX: 150, watchX: 80, goodX: 140, trackWidth: 200 });
    expect(scoreBar(ev.nodes['b2']!, 200).width).to.equal(null); // not measured: no bar, never 0
    expect(scoreBar({ score: 130, targetScore: null, thresholds: { good: 70, watch: 40 } }, 100).width).to.equal(100);
  });
});

describe('sparkline', () => {
  it('draws the history and the current score, broken where a period has no score', () => {
    const c = ev.nodes['c']!;
    const s = sparkline(c, { width: 100, height: 50, padding: 0, periods: ev.periods, currentPeriod: '2026-Q3' });
    // Q1 85.8, Q2 not measured, Q3 (current) 90: x 0, 50, 100; y = 50 - score / 2
    expect(s.points.map((p) => [p.period, p.x])).to.deep.equal([
      ['2026-Q1', 0],
      ['2026-Q2', 50],
      ['2026-Q3', 100],
    ]);
    expect(s.points[1]!.y).to.equal(null);
    const moves = s.path!.match(/M/g)!.length;
    expect(moves).to.equal(2); // two pieces: the gap breaks the line
    const nums = s.path!.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(nums[0]).to.be.closeTo(0, 1e-9);
    expect(nums[1]).to.be.closeTo(7.1, 1e-9);
    expect(s.change).to.be.closeTo(4.2, 1e-9);
    expect(s.steps).to.equal(2);
    expect(s.gaps).to.equal(1);
    expect(s.text).to.equal('up 4.2 pts over 2 periods');
    expect(s.last!.period).to.equal('2026-Q3');
    // the end dot: a ring of radius 1 around the last point (100, 50 - 90 / 2 = 5), after the line
    expect(s.pathWithDot).to.equal(`${s.path}M99,5a1,1 0 1 0 2,0a1,1 0 1 0 -2,0`);
  });

  it('lines every row up on the evaluation\u2019s periods', () => {
    const a1 = sparkline(ev.nodes['a1']!, { width: 100, height: 50, periods: ev.periods, currentPeriod: '2026-Q3' });
    expect(a1.points.map((p) => p.period)).to.deep.equal(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(a1.text).to.equal('up 10.0 pts over 1 period');
    const b2 = sparkline(ev.nodes['b2']!, { width: 100, height: 50, periods: ev.periods, currentPeriod: '2026-Q3' });
    expect(b2.path).to.equal(null);
    expect(b2.pathWithDot).to.equal(null);
    expect(b2.text).to.equal('no trend yet');
  });

  it('prints every point rounded to a tenth, as String(Math.round(v * 10) / 10) would', () => {
    // the path prints its numbers from integers (faster); the reference is the plain conversion
    const tenth = (v: number) => String(Math.round(v * 10) / 10);
    const score = fc.oneof(fc.constant(null), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 8, max: 90 }),
        (past, now, width, height) => {
          const periods = past.map((_, i) => `p${i}`);
          const node = {
            score: now,
            history: past.map((value, i) => ({ period: `p${i}`, value, score: value })),
          } as unknown as Parameters<typeof sparkline>[0];
          const s = sparkline(node, { width, height, periods: [...periods, 'now'], currentPeriod: 'now' });
          const drawn = s.points.filter((p) => p.y !== null);
          const want = drawn.map((p) => `${tenth(p.x)},${tenth(p.y!)}`);
          const got = [...(s.path ?? '').matchAll(/[ML]([^ML]+)/g)].map((m) => m[1]);
          expect(got).to.deep.equal(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('has a text alternative in plain words', () => {
    expect(sparklineText(4.2, 3)).to.equal('up 4.2 pts over 3 periods');
    expect(sparklineText(-1, 1)).to.equal('down 1.0 pt over 1 period');
    expect(sparklineText(0.04, 2)).to.equal('no change over 2 periods');
    expect(sparklineText(null, 0)).to.equal('no trend yet');
  });

  it('follows the sample\u2019s periods', async () => {
    const s = run(await (await fetch('/examples/ocmf-sample.json')).json());
    for (const n of Object.values(s.nodes)) {
      const sp = sparkline(n, { width: 80, height: 20, periods: s.periods, currentPeriod: s.meta.period?.label });
      expect(sp.points.length).to.equal(s.periods.filter((p) => p !== s.meta.period?.label).length + 1);
      expect(sp.points[sp.points.length - 1]!.score).to.equal(n.score);
      if (sp.change !== null) expect(sp.text).to.match(/^(up|down|no change) .*over \d+ periods?$/);
    }
  });
});

describe('fixedColumnEms', () => {
  it('gives the fixed columns their widths and Value/Target 0.6 em a character plus 1.25, at least 5', () => {
    const cols = ['label', 'value', 'target', 'score', 'status', 'delta', 'trend', 'share', 'coverage'];
    // value: 10 characters -> 10 × 0.6 + 1.25 = 7.25; target: 3 characters -> 3.05, so the 5 em floor
    expect(fixedColumnEms(cols, { value: 10, target: 3 })).to.deep.equal([0, 7.25, 5, 10, 9.5, 7, 6.25, 5.75, 6.75]);
    // nothing drawn yet: the floor, not NaN
    expect(fixedColumnEms(['value', 'target'], {})).to.deep.equal([5, 5]);
  });
});

describe('nextStepPicks', () => {
  it('takes the engine\u2019s top improve steps (with gains) and what to start measuring', () => {
    // gains: b1 (1/3)·40 = 13.3, a2 (1/6)·60 = 10, a1 (1/6)·20 = 3.33, c (1/3)·10 = 3.33
    const p = nextStepPicks(ev);
    expect(p.improve.map((x) => x.id)).to.deep.equal(['b1', 'a2', 'a1']);
    expect(p.improve[0]!.gain).to.be.closeTo(40 / 3, 1e-9);
    expect(p.measure.map((x) => [x.id, x.weightShare])).to.deep.equal([['b2', 0.5]]);
    expect(improveText(p.improve[0]!)).to.equal('Improve B one: +13.3 pts');
    expect(measureText(p.measure[0]!)).to.equal('Start measuring B two');
  });

  it('keeps to the shown node and the lens', () => {
    expect(nextStepPicks(ev, { within: 'cat-a' }).improve.map((x) => x.id)).to.deep.equal(['a2', 'a1']);
    expect(nextStepPicks(ev, { within: 'cat-a' }).measure).to.deep.equal([]);
    const m = nextStepPicks(ev, { lens: 'manager' });
    expect(m.improve.map((x) => x.id)).to.deep.equal(['a2']);
    expect(m.measure.map((x) => x.id)).to.deep.equal(['b2']);
  });

  it('follows the engine on the sample', async () => {
    const s = run(await (await fetch('/examples/ocmf-sample.json')).json());
    const p = nextStepPicks(s);
    const improve = s.nextSteps.filter((x) => x.kind === 'improve' && x.gain! > 0).slice(0, 3);
    const measure = s.nextSteps.filter((x) => x.kind === 'measure').slice(0, 3);
    expect(p.improve.map((x) => [x.id, x.gain])).to.deep.equal(improve.map((x) => [x.id, x.gain]));
    expect(p.measure.map((x) => x.id)).to.deep.equal(measure.map((x) => x.id));
    expect(p.measure.map((x) => x.id)).to.include('onboarding-effectiveness');
  });
});

describe('scorecardCsv', () => {
  const format = (column: string, n: { score: number | null; status: string; value: number | null }) =>
    column === 'status' ? n.status : column === 'score' ? (n.score === null ? 'Not measured' : n.score.toFixed(0)) : '';

  it('exports the rows as shown, with RFC 4180 quoting, CRLF and the injection guard', () => {
    const rows = scorecardRows(root, { expanded: new Set(['cat-b']) });
    const csv = scorecardCsv(rows, { format });
    const lines = csv.split('\r\n');
    expect(lines[lines.length - 1]).to.equal(''); // ends with CRLF
    expect(lines.length).to.equal(1 + rows.length + 1);
    expect(lines[0]).to.equal(
      'ID,Level,Parent ID,Metric,Unit,Value,Target,Score,Status,Change,Share,Coverage,' +
        'value (raw),target (raw),score (raw),delta (raw),weight (raw),share (raw),effectiveWeight (raw),coverage (raw),gain (raw)',
    );
    // b1: value 60, target 75, score 60, no history (delta empty), weight 1, share 1 (b2 missing),
    // effectiveWeight 1/3, coverage 1, gain 40/3
    expect(lines[3]).to.equal(`b1,2,cat-b,B one,score,,,60,watch,,,,60,75,60,,1,1,${1 / 3},1,${(1 / 3) * 40}`);
    expect(lines[4]).to.equal('b2,2,cat-b,B two,score,,,Not measured,missing,,,,,,,,1,0,0,0,');
    // the label starts with = and holds a comma and quotes: guarded, then quoted with quotes doubled
    expect(lines[5]!.split(',')[3]).to.equal('"\'=HYPERLINK(""http://x""');
    expect(lines[5]).to.contain(',"\'=HYPERLINK(""http://x"", ""Sales, net"")",');
  });

  it('guards formula starts but leaves plain numbers alone', () => {
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('+cmd|calc')).to.equal("'+cmd|calc");
    expect(csvCell('-1+1')).to.equal("'-1+1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('\tx')).to.equal("'\tx");
    expect(csvCell('-3.2')).to.equal('-3.2');
    expect(csvCell('+4.2%')).to.equal('+4.2%');
    expect(csvCell('-1.5e-7')).to.equal('-1.5e-7');
    expect(csvCell('a "b"')).to.equal('"a ""b"""');
    expect(csvCell('line\nbreak')).to.equal('"line\nbreak"');
    expect(csvCell('plain')).to.equal('plain');
  });

  it('passes the formatted texts through and localises the headers', () => {
    const rows = scorecardRows(root);
    const csv = scorecardCsv(rows, { format: (c, n) => `${c}:${n.id}`, headers: { label: 'Kennzahl' }, eol: '\n' });
    const [head, first] = csv.split('\n');
    expect(head!.split(',')[3]).to.equal('Kennzahl');
    expect(first!.split(',').slice(5, 12)).to.deep.equal([
      'value:cat-a',
      'target:cat-a',
      'score:cat-a',
      'status:cat-a',
      'delta:cat-a',
      'share:cat-a',
      'coverage:cat-a',
    ]);
  });

  it('covers every node of the sample when fully expanded, with the engine\u2019s numbers', async () => {
    const s = run(await (await fetch('/examples/ocmf-sample.json')).json());
    const rows = scorecardRows(s.root!, { expanded: compositeIds(s.root!) });
    expect(rows.length).to.equal(Object.keys(s.nodes).length - 1);
    for (const r of rows) expect(r.node).to.equal(s.nodes[r.id]);
    const csv = scorecardCsv(rows, { format: () => '' });
    const line = csv.split('\r\n').find((l) => l.startsWith('self-service-success,'))!;
    expect(line.split(',')[14]).to.equal(String(s.nodes['self-service-success']!.score));
  });
});
