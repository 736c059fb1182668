// Hand-computed cases for every scoring rule of SPEC §3. Each expected number is worked out in
// the comment beside it, not read back from the implementation.
import { expect } from '@open-wc/testing';
import { evaluate, type EvaluatedNode, type Evaluation } from '../../src/engine/index.js';

function ok(doc: unknown, overrides?: Record<string, number | null>): Evaluation {
  const r = evaluate(doc, overrides ? { overrides } : {});
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r;
}
const leafDoc = (leaf: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...extra,
  root: { id: 'r', label: 'R', children: [{ id: 'x', label: 'X', ...leaf }] },
});
const scoreOf = (leaf: Record<string, unknown>) => ok(leafDoc(leaf)).nodes.x!.score;
/** A document whose root 'r' (label 'R') has these children. */
const underR = (children: unknown[]) => ({ root: { id: 'r', label: 'R', children } });
const close = (a: number | null | undefined, b: number) => expect(a).to.be.closeTo(b, 1e-9);

describe('leaf scoring (§3.1)', () => {
  it('linear, higher is better: 100·(v − worst)/(best − worst)', () => {
    close(
      scoreOf({ value: 58.4, unit: 'percent', scoring: { type: 'linear', worst: 20, best: 75 } }),
      (100 * 38.4) / 55,
    );
  });
  it('linear, lower is better (worst > best)', () => {
    // 64 days, worst 120, best 30: 100·(64−120)/(30−120) = 100·56/90
    close(scoreOf({ value: 64, unit: 'days', scoring: { type: 'linear', worst: 120, best: 30 } }), (100 * 56) / 90);
  });
  it('linear clamps to 0..100 beyond worst and best', () => {
    close(scoreOf({ value: 150, unit: 'days', scoring: { type: 'linear', worst: 120, best: 30 } }), 0);
    close(scoreOf({ value: 10, unit: 'days', scoring: { type: 'linear', worst: 120, best: 30 } }), 100);
  });
  it('piecewise interpolates between points and holds the end scores outside', () => {
    const scoring = {
      type: 'piecewise',
      points: [
        [0, 0],
        [2, 50],
        [5, 100],
      ],
    };
    close(scoreOf({ value: 3.4, unit: 'ratio', scoring }), 50 + (50 * 1.4) / 3);
    close(scoreOf({ value: 1, unit: 'ratio', scoring }), 25);
    close(scoreOf({ value: -4, unit: 'ratio', scoring }), 0);
    close(scoreOf({ value: 9, unit: 'ratio', scoring }), 100);
    const falling = {
      type: 'piecewise',
      points: [
        [0, 90],
        [10, 20],
      ],
    };
    close(scoreOf({ value: 5, unit: 'count', scoring: falling }), 55);
    close(scoreOf({ value: 50, unit: 'count', scoring: falling }), 20);
  });
  it('identity and the unit defaults', () => {
    close(scoreOf({ value: 0 }), 0);
    close(scoreOf({ value: 100 }), 100);
    close(scoreOf({ value: 42, unit: 'score' }), 42);
    close(scoreOf({ value: 88, unit: 'percent' }), 88);
    close(scoreOf({ value: 32, unit: 'nps' }), 66); // (32 + 100) / 200
    close(scoreOf({ value: -100, unit: 'nps' }), 0);
    close(scoreOf({ value: 4, unit: 'ces' }), 50); // (4 − 1) / (7 − 1)
  });
  it('identity rejects a value outside 0..100 and says to give a unit and scoring', () => {
    for (const value of [-0.5, 100.01]) {
      const r = evaluate(leafDoc({ value }));
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.issues[0]!.message).to.match(/outside 0\.\.100.*unit.*scoring/);
    }
  });
  it("a unit without a default scoring rule needs one, in SPEC §2.1's words", () => {
    for (const unit of ['days', 'hours', 'count', 'currency', 'ratio']) {
      const r = evaluate(leafDoc({ value: 64, unit }));
      expect(r.ok, unit).to.equal(false);
      if (!r.ok) {
        expect(r.issues[0]!.path).to.deep.equal(['root', 'children', 0]);
        expect(r.issues[0]!.message).to.contain(`node 'x' (unit '${unit}') needs a scoring rule`);
      }
    }
  });
  it('a leaf with no value (null or absent) scores null, status missing', () => {
    for (const leaf of [{ value: null }, {}]) {
      const n = ok(leafDoc(leaf)).nodes.x!;
      expect(n.score).to.equal(null);
      expect(n.status).to.equal('missing');
      expect(n.coverage).to.equal(0);
    }
  });
});

describe('status and thresholds (§3.2)', () => {
  const doc = {
    thresholds: { good: 80, watch: 50 },
    root: {
      id: 'r',
      label: 'R',
      children: [
        { id: 'a', label: 'A', value: 80 },
        { id: 'b', label: 'B', value: 79.9 },
        { id: 'c', label: 'C', value: 50 },
        { id: 'd', label: 'D', value: 49 },
        { id: 'g', label: 'G', thresholds: { good: 95, watch: 90 }, children: [{ id: 'e', label: 'E', value: 92 }] },
      ],
    },
  };
  it('the document thresholds apply to every node; a node overrides them for itself and below', () => {
    const r = ok(doc);
    expect(['a', 'b', 'c', 'd'].map((id) => r.nodes[id]!.status)).to.deep.equal(['good', 'watch', 'watch', 'act']);
    expect(r.nodes.e!.status).to.equal('watch'); // 92 under the inherited 95/90
    expect(r.nodes.e!.thresholds).to.deep.equal({ good: 95, watch: 90 });
  });
  it('the default thresholds are 70 and 40', () => {
    const r = ok({
      root: { id: 'r', label: 'R', children: [70, 69, 40, 39].map((v, i) => ({ id: `n${i}`, label: 'N', value: v })) },
    });
    expect([0, 1, 2, 3].map((i) => r.nodes[`n${i}`]!.status)).to.deep.equal(['good', 'watch', 'watch', 'act']);
  });
});

describe('composites, coverage, shares and contributions (§3.3, §3.4)', () => {
  const doc = (missing?: 'zero') => ({
    ...(missing ? { missing } : {}),
    root: {
      id: 'r',
      label: 'R',
      children: [
        { id: 'a', label: 'A', value: 80, weight: 3 },
        { id: 'b', label: 'B', value: 40, weight: 1 },
        { id: 'c', label: 'C', value: null, weight: 4 },
      ],
    },
  });
  it('redistribute: the missing child drops out and its weight is shared among the measured', () => {
    const r = ok(doc());
    close(r.root!.score, (3 * 80 + 1 * 40) / 4); // 70
    close(r.root!.coverage, 4 / 8);
    close(r.nodes.a!.share, 0.75);
    close(r.nodes.b!.share, 0.25);
    expect(r.nodes.c!.share).to.equal(0);
    close(r.nodes.a!.contribution, 60);
    close(r.nodes.b!.contribution, 10);
    expect(r.nodes.c!.contribution).to.equal(null);
    close(r.nodes.a!.gain, 0.75 * 20);
    expect(r.nodes.c!.gain).to.equal(null);
  });
  it('computes Σw·s / Σw as SPEC §3.3 writes it, to the last bit', () => {
    // weights 1 and 2 over 10 and 20: (10 + 40) / 3, which w/Σw·s summed gives 1 ulp lower
    const two = ok(
      underR([
        { id: 'a', label: 'A', value: 10, weight: 1 },
        { id: 'b', label: 'B', value: 20, weight: 2 },
      ]),
    );
    expect(two.root!.score).to.equal((1 * 10 + 2 * 20) / (1 + 2));
    expect(ok(doc()).root!.score).to.equal((3 * 80 + 1 * 40) / (3 + 1));
    expect(ok(doc('zero')).root!.score).to.equal((3 * 80 + 1 * 40) / (3 + 1 + 4));
    // weights too small for w·s to stay a normal double still give the weighted mean, not 0
    const tiny = ok(
      underR([
        { id: 'a', label: 'A', value: 30, weight: 1e-320 },
        { id: 'b', label: 'B', value: 90, weight: 1e-320 },
      ]),
    );
    close(tiny.root!.score, 60);
  });
  it("zero: the missing child counts as 0 over all children's weight", () => {
    const r = ok(doc('zero'));
    close(r.root!.score, (3 * 80 + 40) / 8); // 35
    close(r.nodes.a!.share, 3 / 8);
    close(r.nodes.c!.share, 4 / 8);
    close(r.root!.coverage, 0.5);
    expect(r.nodes.c!.score).to.equal(null);
  });
  it('weight-0 children keep their score but do not move the parent, and count nothing for coverage', () => {
    const r = ok(
      underR([
        { id: 'a', label: 'A', value: 60 },
        { id: 'z', label: 'Z', value: 10, weight: 0 },
        { id: 'm', label: 'M', value: null, weight: 0 },
      ]),
    );
    close(r.root!.score, 60);
    close(r.root!.coverage, 1);
    close(r.nodes.z!.score, 10);
    expect(r.nodes.z!.share).to.equal(0);
    expect(r.nodes.z!.gain).to.equal(0);
  });
  it('a composite whose children are all unmeasured is null (redistribute) and its parent redistributes', () => {
    const r = ok(
      underR([
        { id: 'g', label: 'G', weight: 5, children: [{ id: 'x', label: 'X', value: null }] },
        { id: 'a', label: 'A', value: 30 },
      ]),
    );
    expect(r.nodes.g!.score).to.equal(null);
    expect(r.nodes.g!.status).to.equal('missing');
    close(r.root!.score, 30);
    close(r.root!.coverage, 1 / 6);
  });
  it('effective weights multiply down the tree and reproduce the root score', () => {
    const r = ok(
      underR([
        {
          id: 'g',
          label: 'G',
          weight: 1,
          children: [
            { id: 'x', label: 'X', value: 100 },
            { id: 'y', label: 'Y', value: 0, weight: 3 },
          ],
        },
        { id: 'a', label: 'A', value: 50, weight: 1 },
      ]),
    );
    // g = (100 + 0·3)/4 = 25; root = (25 + 50)/2 = 37.5
    close(r.nodes.g!.score, 25);
    close(r.root!.score, 37.5);
    close(r.nodes.x!.effectiveWeight, 0.5 * 0.25);
    close(r.nodes.y!.effectiveWeight, 0.5 * 0.75);
    close(r.nodes.y!.gain, 0.375 * 100);
    expect(r.root!.effectiveWeight).to.equal(1);
  });
  it('the minimal example: NPS 32 and CSAT 88 at weight 2, self-service unmeasured', async () => {
    const r = ok(await (await fetch('/examples/minimal.json')).json());
    close(r.nodes.nps!.score, 66);
    close(r.root!.score, 77); // (66·2 + 88·2)/4
    close(r.root!.coverage, 0.8); // 4 of 5 weight
  });
});

describe('next steps (§3.4)', () => {
  it('measured leaves by gain, ties by id, then missing leaves by their share of the parent weight', () => {
    const r = ok(
      underR([
        { id: 'b', label: 'B', value: 50 },
        { id: 'a', label: 'A', value: 50 },
        { id: 'c', label: 'C', value: 90 },
        { id: 'm1', label: 'M1', value: null, weight: 1 },
        { id: 'm2', label: 'M2', value: null, weight: 3 },
      ]),
    );
    expect(r.nextSteps.map((s) => s.id)).to.deep.equal(['a', 'b', 'c', 'm2', 'm1']);
    expect(r.nextSteps.map((s) => s.kind)).to.deep.equal(['improve', 'improve', 'improve', 'measure', 'measure']);
    close(r.nextSteps[0]!.gain, (1 / 3) * 50);
    expect(r.nextSteps[3]!.gain).to.equal(null);
  });
  it('on the sample, the top lever is "Cases linked to knowledge" at +2.8 points', async () => {
    const r = ok(await (await fetch('/examples/ocmf-sample.json')).json());
    // The five categories weigh 20+20+20+10+30 = 100 and are all measured: knowledge's share is 0.2.
    // kb-linked has weight 2 of 4 in knowledge: effective weight 0.1; score 72: gain 0.1·(100 − 72) = 2.8.
    const kb = r.nodes['kb-linked']!;
    close(kb.effectiveWeight, 0.1);
    close(kb.gain, 2.8);
    expect(r.nextSteps[0]!.id).to.equal('kb-linked');
    // unmeasured: onboarding has 1 of 8 weight in employee, cs-net-revenue 1 of 11 in business
    const measure = r.nextSteps.filter((s) => s.kind === 'measure').map((s) => s.id);
    expect(measure).to.deep.equal(['onboarding-effectiveness', 'cs-net-revenue']);
  });
});

describe('surveys (§3.5)', () => {
  const v = (responses: unknown, extra: Record<string, unknown> = {}) => ok(leafDoc({ responses }, extra)).nodes.x!;
  it('NPS from scores and from counts', () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 3 detractors (0, 5, 6): 100·(3 − 3)/8 = 0
    close(v({ kind: 'nps', scores: [9, 10, 10, 7, 8, 0, 5, 6] }).value, 0);
    // counts: 10 detractors at 0, 30 promoters at 10, n = 50 with 10 passives at 8: 100·(30 − 10)/50 = 40
    const n = v({ kind: 'nps', counts: [10, 0, 0, 0, 0, 0, 0, 0, 10, 0, 30] });
    close(n.value, 40);
    expect(n.unit).to.equal('nps');
    close(n.score, 70);
    expect(n.sampleSize).to.equal(50);
  });
  it('CSAT is the share in the top two points, on 5 by default and on other scales', () => {
    close(v({ kind: 'csat', scores: [5, 4, 3, 1] }).value, 50);
    close(v({ kind: 'csat', counts: [1, 1, 1, 3, 4] }).value, 70);
    // scale 7: top two are 6 and 7
    close(v({ kind: 'csat', scale: 7, scores: [7, 6, 5, 5] }).value, 50);
    expect(v({ kind: 'csat', scores: [5] }).unit).to.equal('percent');
  });
  it('CES is the mean, scored linear from 1 to the scale', () => {
    const n = v({ kind: 'ces', scores: [7, 5, 3] });
    close(n.value, 5);
    close(n.score, (100 * 4) / 6);
    const five = v({ kind: 'ces', scale: 5, counts: [0, 0, 2, 0, 2] }); // mean 4 on 1..5
    close(five.value, 4);
    close(five.score, 75);
  });
  it('n = 0 gives null; fewer than minSample responses is a small sample', () => {
    const empty = v({ kind: 'nps', scores: [] });
    expect(empty.value).to.equal(null);
    expect(empty.sampleSize).to.equal(0);
    expect(v({ kind: 'csat', scores: [5, 5] }).smallSample).to.equal(true);
    expect(v({ kind: 'csat', scores: [5, 5] }, { minSample: 2 }).smallSample).to.equal(false);
    expect(v({ kind: 'csat', scores: Array(30).fill(4) }).smallSample).to.equal(false);
  });
  it('NPS is on 0..10 whatever `scale` it is given: the scale is an unknown key, the scores are still checked', () => {
    const r = evaluate(leafDoc({ responses: { kind: 'nps', scale: 12, scores: [11, 2.5, -3, 10] } }));
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      const at = r.issues.map((i) => i.path.join('.'));
      expect(at).to.include.members([
        'root.children.0.responses.scores.0',
        'root.children.0.responses.scores.1',
        'root.children.0.responses.scores.2',
      ]);
      expect(at).to.not.include('root.children.0.responses.scores.3');
    }
    const counts = evaluate(leafDoc({ responses: { kind: 'nps', scale: 3, counts: [1, 2, 3] } }));
    expect(counts.ok).to.equal(false);
    if (!counts.ok) expect(counts.issues.map((i) => i.path.join('.'))).to.include('root.children.0.responses.counts');
  });
  it('a bad scale does not hide the entries that are wrong on any scale', () => {
    const r = evaluate(leafDoc({ responses: { kind: 'csat', scale: 1, scores: [2.5, 1] } }));
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      const at = r.issues.map((i) => i.path.join('.'));
      expect(at).to.include('root.children.0.responses.scale');
      expect(at).to.include('root.children.0.responses.scores.0');
      expect(at).to.not.include('root.children.0.responses.scores.1');
    }
    const c = evaluate(leafDoc({ responses: { kind: 'ces', scale: 4.5, counts: [1, -1] } }));
    expect(c.ok).to.equal(false);
    if (!c.ok) expect(c.issues.map((i) => i.path.join('.'))).to.include('root.children.0.responses.counts.1');
  });
  it('rejects scores outside the scale, non-integers, negative counts and counts of the wrong length', () => {
    const bad = [
      [{ kind: 'nps', scores: [11] }, 'responses.scores[0]'],
      [{ kind: 'csat', scores: [0] }, 'responses.scores[0]'],
      [{ kind: 'ces', scale: 5, scores: [6] }, 'responses.scores[0]'],
      [{ kind: 'csat', scores: [4.5] }, 'responses.scores[0]'],
      [{ kind: 'csat', counts: [1, -1, 0, 0, 0] }, 'responses.counts[1]'],
      [{ kind: 'csat', counts: [1, 1.5, 0, 0, 0] }, 'responses.counts[1]'],
      [{ kind: 'ces', counts: [1, 2, 3, 4, 5] }, 'responses.counts'],
      [{ kind: 'nps' }, 'responses'],
    ] as const;
    for (const [responses, where] of bad) {
      const r = evaluate(leafDoc({ responses }));
      expect(r.ok, JSON.stringify(responses)).to.equal(false);
      if (!r.ok) expect(r.issues.map((i) => i.message).join('|')).to.contain(`root.children[0].${where}`);
    }
  });
});

describe('history, periods and delta (§3.6)', () => {
  const doc = (periods?: string[]) => ({
    ...(periods ? { periods } : {}),
    period: { label: '2026-Q3' },
    root: {
      id: 'r',
      label: 'R',
      children: [
        {
          id: 'a',
          label: 'A',
          value: 60,
          history: [
            { period: '2026-Q2', value: 50 },
            { period: '2026-Q1', value: 40 },
          ],
        },
        { id: 'b', label: 'B', value: 80, weight: 3, history: [{ period: '2026-Q1', value: 20 }] },
      ],
    },
  });
  it('orders periods as strings and computes a composite per period from the leaves of that period', () => {
    const r = ok(doc());
    expect(r.nodes.a!.history.map((h) => h.period)).to.deep.equal(['2026-Q1', '2026-Q2']);
    // Q1: a 40, b 20 (weight 3) -> 25; Q2: a 50, b missing -> 50
    expect(r.root!.history.map((h) => [h.period, h.score])).to.deep.equal([
      ['2026-Q1', 25],
      ['2026-Q2', 50],
    ]);
    // current root: (60 + 240)/4 = 75; delta vs Q2 (50) = 25
    close(r.root!.score, 75);
    close(r.root!.delta, 25);
    close(r.nodes.a!.delta, 10);
    close(r.nodes.b!.delta, 60); // its own latest earlier period is Q1
  });
  it('the document periods list sets the order (not the string order)', () => {
    const r = ok(doc(['2026-Q2', '2026-Q1', '2026-Q3']));
    expect(r.nodes.a!.history.map((h) => h.period)).to.deep.equal(['2026-Q2', '2026-Q1']);
    close(r.nodes.a!.delta, 20); // latest earlier is now Q1 (40)
  });
  it('a bad history is reported with whatever else is wrong with the leaf', () => {
    for (const leaf of [
      { value: 3, scoring: { type: 'linear', worst: 1, best: 1 } }, // worst == best
      { value: 3, unit: 'days' }, // a unit without a scoring rule
      { value: 3, unit: 'weeks' }, // not a unit
    ]) {
      const r = evaluate(leafDoc({ ...leaf, history: [{ period: 'c', value: 1 }] }, { periods: ['a', 'b'] }));
      expect(r.ok, JSON.stringify(leaf)).to.equal(false);
      if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).to.include('root.children.0.history.0.period');
    }
  });
  it('a history label not in periods is an error; a repeated one a warning', () => {
    const bad = evaluate(doc(['2026-Q2']));
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.issues[0]!.message).to.contain('root.children[0].history[1].period');
    const rep = ok({
      root: {
        id: 'r',
        label: 'R',
        value: 5,
        history: [
          { period: 'p', value: 1 },
          { period: 'p', value: 2 },
        ],
      },
    });
    expect(rep.warnings.map((w) => w.code)).to.include('duplicate_period');
    // the first entry of a repeated period counts, its value and its score
    expect(rep.root!.history.map((h) => h.value)).to.deep.equal([1]);
    expect(rep.root!.history[0]!.score).to.equal(ok({ root: { id: 'r', label: 'R', value: 1 } }).root!.score);
  });
  it('delta is null when the previous score or the current one is null', () => {
    const r = ok(
      underR([
        { id: 'a', label: 'A', value: 10, history: [{ period: 'p1', value: null }] },
        { id: 'b', label: 'B', value: null, history: [{ period: 'p1', value: 5 }] },
      ]),
    );
    expect(r.nodes.a!.delta).to.equal(null);
    expect(r.nodes.b!.delta).to.equal(null);
  });
});

describe('overrides (what-if)', () => {
  it('replaces leaf values by id before scoring, leaving the input untouched', () => {
    const input = leafDoc({ value: 20 });
    const r = ok(input, { x: 90 });
    close(r.nodes.x!.score, 90);
    close(r.root!.score, 90);
    expect((input.root.children[0] as unknown as { value: number }).value).to.equal(20);
    expect(ok(input, { x: null }).root!.score).to.equal(null);
    expect(ok(input, { nope: 1 }).warnings.map((w) => w.code)).to.include('override_unknown');
  });
});

describe('the OCMF v1 template', () => {
  it('has the five categories with their focus weights, nothing measured, and the CC credit', async () => {
    const r = ok(await (await fetch('/examples/ocmf-v1-template.json')).json());
    const cats = r.root!.children!.map((c) => [c.label, c.weight]);
    expect(cats).to.deep.equal([
      ['Customer', 20],
      ['Employee', 20],
      ['Knowledge/Collaboration', 20],
      ['Business', 30],
      ['Acceleration', 10],
    ]);
    expect(r.root!.coverage).to.equal(0);
    expect(r.root!.score).to.equal(null);
    expect(r.meta.attribution).to.match(/Creative Commons/);
    const leaves = Object.values(r.nodes).filter((n: EvaluatedNode) => !n.children);
    expect(leaves.length).to.be.greaterThan(12);
    expect(r.nextSteps.every((s) => s.kind === 'measure')).to.equal(true);
  });
});
