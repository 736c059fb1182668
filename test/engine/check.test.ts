// The zod-free field checker (src/engine/check.ts over the generated schema data) must report
// exactly what zod's safeParse reports, issue for issue (path, code, message, order): zod stays
// the source of truth, the checker is only a faster, smaller way to run it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkSchema } from '../../src/engine/check.js';
import { isClean } from '../../src/engine/clean.js';
import { fullCheck, parseDocument } from '../../src/engine/parse.js';
import { evaluate, evaluateClean, evaluateDocument } from '../../src/engine/evaluate.js';
import { zodIssues } from './zod-issues.js';

const base = {
  version: 1,
  title: 'T',
  attribution: 'A',
  locale: 'en-US',
  period: { label: 'Q3', start: '2026-07-01', end: '2026-09-30' },
  periods: ['Q1', 'Q2'],
  thresholds: { good: 70, watch: 40 },
  minSample: 30,
  missing: 'zero',
  asOf: '2026-10-01T10:00Z',
  root: {
    id: 'r',
    label: 'R',
    description: 'D',
    weight: 2,
    lens: ['executive'],
    thresholds: { good: 80, watch: 50 },
    children: [
      {
        id: 'a',
        label: 'A',
        value: 40,
        unit: 'days',
        target: 10,
        scoring: { type: 'linear', worst: 90, best: 0 },
        history: [{ period: 'Q1', value: 3 }],
      },
      { id: 'b', label: 'B', responses: { kind: 'csat', scale: 5, counts: [1, 2, 3, 4, 5] } },
      { id: 'b2', label: 'B2', responses: { kind: 'nps', scores: [0, 9, 10] } },
      { id: 'b3', label: 'B3', responses: { kind: 'ces', scores: [1, 7] } },
      {
        id: 'c',
        label: 'C',
        value: 5,
        unit: 'ratio',
        scoring: {
          type: 'piecewise',
          points: [
            [0, 0],
            [10, 100],
          ],
        },
      },
      { id: 'd', label: 'D', value: null, unit: 'currency', currency: 'USD', scoring: { type: 'identity' } },
    ],
  },
  journeys: [
    {
      id: 'j',
      label: 'J',
      segment: 'S',
      beforeSale: -1,
      afterSale: null,
      toSmile: 3,
      events: [{ type: 'sale', at: '2026-01-01', id: 'x', ref: 'y' }],
    },
  ],
};

type Key = string | number;
/** Every path in the base document, containers included. */
const paths: Key[][] = [];
const collect = (v: unknown, p: Key[]) => {
  paths.push(p);
  if (v && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) collect(c, [...p, Array.isArray(v) ? Number(k) : k]);
};
collect(base, []);

/** Values that hit zod's corners: non-finite numbers, unsafe integers, things with a length... */
const odd = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  undefined,
  null,
  -1,
  -0,
  0,
  1.5,
  2,
  101,
  1e20,
  -1e20,
  2 ** 53,
  '',
  'x',
  'A',
  'USD',
  'usd',
  'linear',
  'nps',
  '2026-07-01',
  '2026-02-30',
  '2026-07-01T25:00',
  'bad id!',
  'a'.repeat(65),
  'a'.repeat(201),
  '😀'.repeat(150), // 300 UTF-16 units, 150 characters: within 200
  '😀'.repeat(201),
  '😀',
  '\ud83d', // a lone surrogate
  [],
  [1],
  [1, 2],
  [[0, 0]],
  [[0, 0], [1]],
  [
    [0, 0],
    [1, 100, 2],
  ],
  ['x'],
  new Array(201).fill('x'),
  {},
  { length: 0 },
  { length: 'x' },
  { type: 'linear' },
  { type: 'piecewise', points: [[0, 0]] },
  { type: 'nope' },
  { type: 5 },
  { kind: 'nps' },
  { kind: 'csat', scale: 1.5, scores: 'x' },
  { kind: 'ces', scale: 1e20 },
  { kind: 'x' },
  { id: 'n', label: 'N', value: 1 },
  { id: '', label: '', children: [] },
  true,
  false,
  new Date(0),
  new Map(),
  () => 1,
  Symbol('s'),
  10n,
);
const anything = fc.oneof(fc.jsonValue(), odd, odd);

type Mode = 'set' | 'remove' | 'add';

/** Replaces, removes, or adds a sibling to (a new key, or an element at the end) the part at `p`. */
function change(doc: unknown, p: Key[], v: unknown, mode: Mode): unknown {
  if (p.length === 0) return mode === 'set' ? v : doc;
  let o = doc as Record<Key, unknown>;
  for (const k of p.slice(0, -1)) {
    if (!o || typeof o !== 'object') return doc;
    o = o[k] as Record<Key, unknown>;
  }
  if (!o || typeof o !== 'object') return doc;
  const last = p[p.length - 1]!;
  if (mode === 'remove') delete o[last];
  else if (mode === 'add') {
    if (Array.isArray(o)) o.push(v);
    else o[`${String(last)}x`] = v;
  } else o[last] = v;
  return doc;
}

const mutation = fc.record({
  at: fc.nat(paths.length - 1),
  v: anything,
  mode: fc.constantFrom<Mode>('set', 'set', 'remove', 'add'),
});

/** The base with 1–4 parts replaced, removed, or given a sibling. */
const mutated = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
  let doc: unknown = structuredClone(base);
  for (const m of ms) doc = change(doc, paths[m.at]!, m.v, m.mode);
  return doc;
});

const same = (doc: unknown) => {
  const got = checkSchema(doc);
  const want = zodIssues(doc);
  expect(got).to.deep.equal(want);
  return true;
};

describe('the zod-free checker', () => {
  it('finds nothing in the valid examples, like zod', async () => {
    for (const name of ['minimal.json', 'ocmf-sample.json', 'ocmf-v1-template.json', 'warning-unknown-key.json']) {
      const doc = await (await fetch(`/examples/${name}`)).json();
      expect(checkSchema(doc), name).to.deep.equal([]);
      expect(zodIssues(doc), name).to.deep.equal([]);
    }
    expect(checkSchema(base)).to.deep.equal([]);
  });

  it('words issues as the engine always has (hand-written expectations)', () => {
    const doc = structuredClone(base) as Record<string, any>;
    doc.root.label = [];
    doc.root.weight = -1;
    doc.root.children[0].scoring = { type: 'nope' };
    doc.root.children[1].responses.scale = 1.5;
    doc.root.children[4].scoring.points = [[0, 0]];
    doc.root.children[5].currency = 'usd';
    doc.minSample = Infinity;
    const got = checkSchema(doc).map((i) => [i.path.join('.'), i.code, i.message]);
    expect(got).to.deep.equal([
      ['root.label', 'invalid_type', 'root.label: must be text (a string), got an array of 0'],
      ['root.label', 'too_small', 'root.label: must have at least 1 entry, got an array of 0'],
      ['root.weight', 'too_small', 'root.weight: must be a number >= 0, got -1'],
      [
        'root.children.0.scoring.type',
        'invalid_value',
        'root.children[0].scoring.type: must be "linear", "piecewise" or "identity", got "nope"',
      ],
      [
        'root.children.1.responses.scale',
        'invalid_type',
        'root.children[1].responses.scale: must be a whole number, got 1.5',
      ],
      [
        'root.children.4.scoring.points',
        'too_small',
        'root.children[4].scoring.points: must have at least 2 entries, got an array of 1',
      ],
      [
        'root.children.5.currency',
        'invalid_currency',
        'root.children[5].currency: must be an ISO 4217 code such as "USD", got "usd"',
      ],
      ['minSample', 'not_finite', 'minSample: must be a finite number, got Infinity'],
    ]);
  });

  it('counts characters, not UTF-16 units, like zod', () => {
    const doc = { root: { id: 'r', label: '😀'.repeat(200), value: 1 } };
    expect(checkSchema(doc)).to.deep.equal([]);
    doc.root.label += '😀';
    expect(checkSchema(doc).map((i) => i.message)).to.deep.equal([
      'root.label: must be at most 200 characters, got 402',
    ]);
  });

  it('agrees with zod, issue for issue, on mutated documents (fast-check)', () => {
    fc.assert(fc.property(mutated, same), { numRuns: 6_000 });
  });

  it('agrees with zod on arbitrary values', () => {
    fc.assert(fc.property(anything, same), { numRuns: 2_000 });
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...Object.keys(base), 'root', 'journeys'), anything), same), {
      numRuns: 2_000,
    });
  });

  it('parseDocument reports the same field issues, then the semantic ones', () => {
    fc.assert(
      fc.property(mutated, (doc) => {
        if (typeof doc === 'string') return true; // parseDocument reads a string as JSON text
        const r = parseDocument(doc);
        const want = zodIssues(doc);
        if (r.ok) return want.length === 0;
        if (r.issues[0]?.code === 'cyclic' || r.issues[0]?.code === 'too_deep') return true;
        expect(r.issues.slice(0, want.length)).to.deep.equal(want);
        return true;
      }),
      { numRuns: 1_000 },
    );
  });
});

// parseDocument takes a shortcut for clean documents (src/engine/clean.ts): it must say "clean"
// only when the full checks find no error and no warning, and say it for the common documents.
describe('the one-walk check for clean documents', () => {
  const show = (doc: unknown) => {
    try {
      return JSON.stringify(doc);
    } catch {
      return String(doc); // cyclic, or a BigInt
    }
  };
  /** The full checks (guard, fields, semantics) find nothing at all. */
  const silent = (doc: unknown) => {
    const r = fullCheck(doc);
    return r.ok && r.warnings.length === 0;
  };
  const never = (doc: unknown) => {
    if (isClean(doc)) expect(silent(doc), show(doc)).to.equal(true);
    fused(doc);
    return true;
  };
  /**
   * evaluate() checks a clean document while it evaluates it (evaluateClean): the result must be
   * what the full checks and evaluateDocument give; null (the full path runs) for any other.
   */
  const fused = (doc: unknown) => {
    const now = Date.now;
    Date.now = () => 1_780_000_000_000; // journeys without asOf are open until "now"
    try {
      for (const options of [{}, { overrides: { a: 1, r: 3, nope: null } }]) {
        const got = evaluateClean(doc, options);
        if (got === null) continue; // a doubt: the full path runs (and says the same as ever)
        expect(silent(doc), show(doc)).to.equal(true);
        const p = parseDocument(doc);
        expect(p.ok && got).to.deep.equal(p.ok && evaluateDocument(p.document, p.warnings, options));
      }
    } finally {
      Date.now = now;
    }
  };

  it('says clean for the valid examples and the check base, as the full checks do', async () => {
    expect(silent(base)).to.equal(true);
    expect(isClean(base)).to.equal(true);
    expect(evaluateClean(base, {})).to.not.equal(null);
    fused(base);
    for (const name of ['minimal.json', 'ocmf-sample.json', 'ocmf-v1-template.json']) {
      const doc: unknown = await (await fetch(`/examples/${name}`)).json();
      expect(silent(doc), name).to.equal(true);
      expect(isClean(doc), name).to.equal(true);
      expect(evaluateClean(doc, {}), name).to.not.equal(null);
      fused(doc);
    }
  });

  it('never says clean when the full checks find something, on mutated documents (fast-check)', () => {
    let clean = 0;
    fc.assert(
      fc.property(mutated, (doc) => {
        if (isClean(doc)) clean++;
        return never(doc);
      }),
      { numRuns: 6_000 },
    );
    expect(clean).to.be.greaterThan(100); // the property is not won by saying no to everything
    fc.assert(fc.property(anything, never), { numRuns: 1_000 });
  });

  it('says no to every invalid example and to the warning example', async () => {
    const text = await (await fetch('/examples/invalid/EXPECTED.md')).text();
    const names = [...text.matchAll(/^- `([\w-]+\.json)`/gm)].map((m) => m[1]!);
    expect(names.length).to.be.greaterThan(10);
    for (const name of names) {
      const doc: unknown = await (await fetch(`/examples/invalid/${name}`)).json();
      expect(silent(doc), name).to.equal(false);
      expect(isClean(doc), name).to.equal(false);
      expect(evaluateClean(doc, {}), name).to.equal(null);
    }
    const warned: unknown = await (await fetch('/examples/warning-unknown-key.json')).json();
    expect(isClean(warned)).to.equal(false);
  });

  it('says no to each semantic problem and each guard problem (by hand)', () => {
    type Doc = typeof base & Record<string, unknown>;
    const edit = (f: (d: Doc) => void): unknown => {
      const d = structuredClone(base) as Doc;
      f(d);
      return d;
    };
    const kids = (d: Doc) => d.root.children as Record<string, unknown>[];
    const deep = (levels: number) => {
      let n: Record<string, unknown> = { id: `n${levels}`, label: 'L', value: 1 };
      for (let i = levels - 1; i >= 1; i--) n = { id: `n${i}`, label: 'L', children: [n] };
      return { root: n };
    };
    const wide = (count: number) => ({
      root: {
        id: 'r',
        label: 'R',
        children: Array.from({ length: count - 1 }, (_, i) => ({ id: `c${i}`, label: 'C', value: 1 })),
      },
    });
    const cyclic = edit((d) => {
      kids(d)[0]!.children = [d.root];
      delete kids(d)[0]!.value;
    });
    const cases: [string, unknown][] = [
      ['duplicate id', edit((d) => (kids(d)[1]!.id = 'a'))],
      ['duplicate id of a composite', edit((d) => (kids(d)[1]!.id = 'r'))],
      ['all-zero weights', edit((d) => kids(d).forEach((c) => (c.weight = 0)))],
      ['thresholds order', edit((d) => (d.thresholds = { good: 40, watch: 70 }))],
      ['node thresholds order', edit((d) => (d.root.thresholds = { good: 40, watch: 70 }))],
      ['children and value', edit((d) => ((d.root as Record<string, unknown>).value = 3))],
      ['children and null value is fine', edit((d) => ((d.root as Record<string, unknown>).value = null))],
      ['value and responses', edit((d) => (kids(d)[1]!.value = 3))],
      ['unit without scoring', edit((d) => delete kids(d)[0]!.scoring)],
      ['identity value out of range', edit((d) => (kids(d)[5]!.value = 101))],
      ['target out of range', edit((d) => (kids(d)[0]!.target = 200))],
      ['currency missing', edit((d) => delete kids(d)[5]!.currency)],
      ['linear worst = best', edit((d) => (kids(d)[0]!.scoring = { type: 'linear', worst: 1, best: 1 }))],
      [
        'piecewise not increasing',
        edit(
          (d) =>
            (kids(d)[4]!.scoring = {
              type: 'piecewise',
              points: [
                [10, 0],
                [10, 100],
              ],
            }),
        ),
      ],
      ['nps with a scale', edit((d) => (kids(d)[2]!.responses = { kind: 'nps', scale: 5, scores: [1] }))],
      ['scores and counts', edit((d) => (kids(d)[2]!.responses = { kind: 'nps', scores: [1], counts: [] }))],
      ['no scores or counts', edit((d) => (kids(d)[2]!.responses = { kind: 'nps' }))],
      ['score off the scale', edit((d) => (kids(d)[3]!.responses = { kind: 'ces', scores: [0] }))],
      ['counts length', edit((d) => (kids(d)[1]!.responses = { kind: 'csat', counts: [1, 2] }))],
      [
        'history repeat',
        edit((d) => (kids(d)[0]!.history = [...(kids(d)[0]!.history as []), { period: 'Q1', value: 1 }])),
      ],
      ['history unknown period', edit((d) => (kids(d)[0]!.history = [{ period: 'Q9', value: 1 }]))],
      ['periods repeat', edit((d) => (d.periods = ['Q1', 'Q2', 'Q1']))],
      ['unreal date', edit((d) => (d.asOf = '2026-02-30'))],
      ['unreal event date', edit((d) => (d.journeys[0]!.events[0]!.at = '2026-02-29T10:00Z'))],
      ['bad locale', edit((d) => (d.locale = 'not a locale!'))],
      [
        'neither root nor journeys',
        edit((d) => (delete (d as Partial<Doc>).root, delete (d as Partial<Doc>).journeys)),
      ],
      ['duplicate journey id', edit((d) => d.journeys.push({ ...d.journeys[0]!, events: [] }))],
      ['unknown journey key', edit((d) => ((d.journeys[0] as Record<string, unknown>).note = 1))],
      ['unknown event key', edit((d) => ((d.journeys[0]!.events[0] as Record<string, unknown>).note = 1))],
      ['unknown history key', edit((d) => ((kids(d)[0]!.history as Record<string, unknown>[])[0]!.note = 1))],
      ['unknown scoring key', edit((d) => ((kids(d)[0]!.scoring as Record<string, unknown>).note = 1))],
      ['unknown responses key', edit((d) => ((kids(d)[2]!.responses as Record<string, unknown>).note = 1))],
      ['unknown threshold key', edit((d) => ((d.thresholds as Record<string, unknown>).note = 1))],
      ['unknown period key', edit((d) => ((d.period as Record<string, unknown>).note = 1))],
      ['unknown document key', edit((d) => (d.note = 1))],
      ['cyclic', cyclic],
      ['65 levels', deep(65)],
      ['100,001 nodes', wide(100_001)],
    ];
    for (const [name, doc] of cases) {
      const fine = name.endsWith('is fine');
      expect(silent(doc), name).to.equal(fine);
      expect(isClean(doc), name).to.equal(fine);
      expect(evaluateClean(doc, {}) !== null, name).to.equal(fine);
      if (name !== '100,001 nodes') fused(doc);
    }
    // a getter that throws: an issue from evaluate, as ever, not an exception
    const trap = {
      ...base,
      get root(): unknown {
        throw new Error('trap');
      },
    };
    const r = evaluate(trap);
    expect(r.ok).to.equal(false);
    expect(parseDocument(trap).ok).to.equal(false);
    for (const doc of [deep(64), wide(100_000)]) {
      expect(isClean(doc)).to.equal(true);
      expect(evaluateClean(doc, {})).to.not.equal(null);
    }
    fused(deep(64));
  });
});
