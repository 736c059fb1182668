// Properties of the scoring maths (SPEC §3) over random trees, and robustness of parseDocument
// over arbitrary input (fast-check).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluate, parseDocument, type EvaluatedNode, type Evaluation } from '../../src/engine/index.js';
import { jsonPaths, replaceAt } from '../fixtures/paths.js';

interface TNode {
  id: string;
  label: string;
  weight: number;
  value?: number | null;
  children?: TNode[];
}
interface RawNode {
  weight: number;
  value?: number | null;
  children?: RawNode[];
}

/** Weights: 0 or in [0.001, 10] (denormal weights times k underflow to an all-zero family, a rejected document). */
const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 10, noNaN: true }));

/** Random trees: identity leaves (value 0..100 or null), weights 0..10 with one > 0 per family. */
const treeArb = fc
  .letrec<{ node: RawNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        weight: weightArb,
        value: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      }),
      fc.record({
        weight: weightArb,
        children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      }),
    ),
  }))
  .node.map((root) => {
    let n = 0;
    const name = (x: RawNode): TNode => {
      const id = `n${n++}`;
      const out: TNode = { id, label: id, weight: x.weight };
      if (x.value !== undefined) out.value = x.value;
      if (x.children) {
        out.children = x.children.map(name);
        if (out.children.every((c) => c.weight === 0)) out.children[0]!.weight = 1;
      }
      return out;
    };
    return name(root);
  });

const docArb = fc.record({ root: treeArb, missing: fc.constantFrom('redistribute' as const, 'zero' as const) });

function ok(doc: unknown, overrides?: Record<string, number>): Evaluation {
  const r = evaluate(doc, overrides ? { overrides } : {});
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r;
}
const leaves = (r: Evaluation) => Object.values(r.nodes).filter((n) => !n.children);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('scoring properties (fast-check)', () => {
  it('the root score equals Σ effectiveWeight·score over the measured leaves', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const r = ok(doc);
        const sum = leaves(r).reduce((s, n) => s + (n.score === null ? 0 : n.effectiveWeight * n.score), 0);
        if (r.root!.score === null)
          return leaves(r).every((n) => n.score === null || n.effectiveWeight === 0) || doc.missing === 'zero';
        return near(r.root!.score, sum);
      }),
      { numRuns: 400 },
    );
  });

  it("children's contributions add up to their parent's score", () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const r = ok(doc);
        return Object.values(r.nodes).every((n: EvaluatedNode) => {
          if (!n.children || n.score === null) return true;
          return near(
            n.children.reduce((s, c) => s + (c.contribution ?? 0), 0),
            n.score,
          );
        });
      }),
      { numRuns: 400 },
    );
  });

  it('multiplying all sibling weights by any k > 0 changes no score', () => {
    fc.assert(
      fc.property(docArb, fc.double({ min: 0.001, max: 1000, noNaN: true }), (doc, k) => {
        const scaled = structuredClone(doc);
        const walk = (n: TNode) => {
          if (n.children)
            for (const c of n.children) {
              c.weight *= k;
              walk(c);
            }
        };
        walk(scaled.root);
        const a = ok(doc);
        const b = ok(scaled);
        return Object.keys(a.nodes).every((id) => {
          const x = a.nodes[id]!.score;
          const y = b.nodes[id]!.score;
          return x === null ? y === null : y !== null && Math.abs(x - y) < 1e-7;
        });
      }),
      { numRuns: 300 },
    );
  });

  it("moving one measured leaf's value toward best never lowers any ancestor's score", () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (doc, pick, t) => {
        const before = ok(doc);
        const measured = leaves(before).filter((n) => n.value !== null);
        if (!measured.length) return true;
        const leaf = measured[pick % measured.length]!;
        const better = leaf.value! + t * (100 - leaf.value!);
        const after = ok(doc, { [leaf.id]: better });
        for (let id = leaf.parentId; id !== undefined; id = before.nodes[id]!.parentId) {
          const s0 = before.nodes[id]!.score;
          const s1 = after.nodes[id]!.score;
          if (s0 !== null && (s1 === null || s1 < s0 - 1e-9)) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('every score is null or within [0, 100], whatever the scoring rule', () => {
    const scoringArb = fc.oneof(
      fc
        .record({
          type: fc.constant('linear'),
          worst: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          best: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        })
        .filter((s) => s.worst !== s.best),
      fc
        // SameValueZero: -0 and 0 are one point (piecewise values must strictly increase; -0 < 0 is false)
        .uniqueArray(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: 2,
          maxLength: 5,
          comparator: 'SameValueZero',
        })
        .chain((xs) =>
          fc.tuple(
            fc.constant([...xs].sort((a, b) => a - b)),
            fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: xs.length, maxLength: xs.length }),
          ),
        )
        .map(([xs, ys]) => ({ type: 'piecewise', points: xs.map((x, i) => [x, ys[i]!]) })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scoringArb, fc.option(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { nil: null })), {
          minLength: 1,
          maxLength: 6,
        }),
        (specs) => {
          const doc = {
            root: {
              id: 'r',
              label: 'R',
              children: specs.map(([scoring, value], i) => ({
                id: `c${i}`,
                label: 'C',
                unit: 'count',
                scoring,
                value,
              })),
            },
          };
          const r = ok(doc);
          return Object.values(r.nodes).every((n) => n.score === null || (n.score >= 0 && n.score <= 100));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('parseDocument robustness (fast-check)', () => {
  const wellFormed = (r: ReturnType<typeof parseDocument>) => {
    if (r.ok) return r.warnings.every((w) => Array.isArray(w.path) && w.message.length > 0);
    return (
      r.issues.length > 0 &&
      r.issues.every(
        (i) =>
          Array.isArray(i.path) &&
          i.path.every((k) => typeof k === 'string' || typeof k === 'number') &&
          typeof i.code === 'string' &&
          i.message.length > 0,
      )
    );
  };

  it('never throws on arbitrary JSON values and always returns issues with paths (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => wellFormed(parseDocument(v))),
      { numRuns: 10_000 },
    );
  });

  it('never throws on valid documents with one part replaced by arbitrary values', () => {
    const base = {
      thresholds: { good: 70, watch: 40 },
      root: {
        id: 'r',
        label: 'R',
        children: [
          {
            id: 'a',
            label: 'A',
            value: 40,
            unit: 'days',
            scoring: { type: 'linear', worst: 90, best: 0 },
            history: [{ period: 'p', value: 3 }],
          },
          { id: 'b', label: 'B', responses: { kind: 'csat', counts: [1, 2, 3, 4, 5] } },
          {
            id: 'g',
            label: 'G',
            children: [
              {
                id: 'c',
                label: 'C',
                value: 5,
                scoring: {
                  type: 'piecewise',
                  points: [
                    [0, 0],
                    [10, 100],
                  ],
                },
              },
            ],
          },
        ],
      },
      journeys: [
        {
          id: 'j',
          events: [
            { type: 'sale', at: '2026-01-01' },
            { type: 'interruption', at: '2026-01-03', id: 'i' },
            { type: 'smile', at: '2026-01-04', ref: 'i' },
          ],
        },
      ],
    };
    const paths = jsonPaths(base);
    const anything = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(NaN, Infinity, -Infinity, undefined, -0, 1e308, '', [], {}),
    );
    fc.assert(
      fc.property(fc.nat(paths.length - 1), anything, (i, v) => {
        const p = paths[i]!;
        if (p.length === 0) return wellFormed(parseDocument(v));
        const doc = replaceAt(base, p, v);
        const r = parseDocument(doc);
        const e = evaluate(doc);
        return wellFormed(r) && (e.ok || e.issues.length > 0);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('guards before recursion', () => {
  it('a cyclic object gives a clear error, not a stack overflow', () => {
    const a: Record<string, unknown> = { id: 'a', label: 'A' };
    a.children = [a];
    const r = parseDocument({ root: a });
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.issues[0]!.code).to.equal('cyclic');
      expect(r.issues[0]!.path).to.deep.equal(['root', 'children', 0]);
    }
    const doc: Record<string, unknown> = { journeys: [] };
    (doc.journeys as unknown[]).push({ id: 'j', events: [doc] });
    const r2 = parseDocument(doc);
    expect(r2.ok).to.equal(false);
  });
  it('a shared (non-cyclic) object is fine', () => {
    const lens = ['manager'];
    const r = parseDocument({
      root: {
        id: 'r',
        label: 'R',
        children: [
          { id: 'a', label: 'A', value: 1, lens },
          { id: 'b', label: 'B', value: 2, lens },
        ],
      },
    });
    expect(r.ok).to.equal(true);
  });
  it('nesting 10,000 levels deep gives a clear error', () => {
    let node: Record<string, unknown> = { id: 'leaf', label: 'L', value: 1 };
    for (let i = 0; i < 10_000; i++) node = { id: `n${i}`, label: 'N', children: [node] };
    const r = parseDocument({ root: node });
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.issues[0]!.code).to.equal('too_deep');
      expect(r.issues[0]!.message).to.contain('deeper than 64 levels');
    }
    let arr: unknown = 1;
    for (let i = 0; i < 10_000; i++) arr = [arr];
    const r2 = parseDocument({ root: { id: 'r', label: 'R', value: 1, description: arr } });
    expect(r2.ok).to.equal(false);
  });
  it('64 levels are fine, 65 are not', () => {
    const chain = (levels: number) => {
      let node: Record<string, unknown> = { id: 'n1', label: 'N', value: 1 };
      for (let i = 2; i <= levels; i++) node = { id: `n${i}`, label: 'N', children: [node] };
      return { root: node };
    };
    expect(parseDocument(chain(64)).ok).to.equal(true);
    expect(parseDocument(chain(65)).ok).to.equal(false);
  });
  it('more than 100,000 nodes is refused', () => {
    const children = Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, label: 'N', value: 1 }));
    const r = parseDocument({ root: { id: 'r', label: 'R', children } });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.issues[0]!.code).to.equal('too_many_nodes');
  });
  it('a JSON string is parsed, and bad JSON is an issue', () => {
    expect(parseDocument('{"root":{"id":"r","label":"R","value":5}}').ok).to.equal(true);
    const r = parseDocument('{"root":');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.issues[0]!.code).to.equal('json');
  });
});
