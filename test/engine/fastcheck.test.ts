// The fast yes/no check compiled from the zod schema must agree with zod's own safeParse:
// if it ever said "valid" where zod finds a problem, a bad document would slip through.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compileFastCheck } from '../../src/engine/fastcheck.js';
import { MetricsDocumentSchema } from '../../src/engine/schema.js';

const check = compileFastCheck(MetricsDocumentSchema)!;
const zodSays = (v: unknown) => MetricsDocumentSchema.safeParse(v).success;

const base = {
  version: 1,
  title: 'T',
  period: { label: 'Q3', start: '2026-07-01', end: '2026-09-30' },
  periods: ['Q1', 'Q2'],
  thresholds: { good: 70, watch: 40 },
  minSample: 30,
  missing: 'zero',
  asOf: '2026-10-01T10:00Z',
  root: {
    id: 'r',
    label: 'R',
    weight: 2,
    lens: ['executive'],
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
      events: [{ type: 'sale', at: '2026-01-01', id: 'x', ref: 'y' }],
    },
  ],
};

describe('fast check compiled from the zod schema', () => {
  it('compiles (every construct the schema uses is supported)', () => {
    expect(check).to.be.a('function');
  });

  it('accepts the valid example documents, like zod', async () => {
    for (const name of ['minimal.json', 'ocmf-sample.json', 'ocmf-v1-template.json']) {
      const doc = await (await fetch(`/examples/${name}`)).json();
      expect(check(doc), name).to.equal(true);
      expect(zodSays(doc), name).to.equal(true);
    }
    expect(check(base)).to.equal(true);
  });

  it('agrees with zod on a valid document with any one part replaced (fast-check)', () => {
    const paths: (string | number)[][] = [];
    const collect = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (v && typeof v === 'object')
        for (const [k, c] of Object.entries(v)) collect(c, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    collect(base, []);
    const anything = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        NaN,
        Infinity,
        -Infinity,
        undefined,
        null,
        -1,
        0,
        1.5,
        101,
        1e308,
        '',
        'x',
        '2026-02-30',
        'bad id!',
        [],
        {},
        [1, 2],
        [[0, 0]],
      ),
    );
    fc.assert(
      fc.property(fc.nat(paths.length - 1), anything, (i, v) => {
        const doc = structuredClone(base) as Record<string, unknown>;
        const p = paths[i]!;
        if (p.length === 0) return check(v) === zodSays(v);
        let o = doc as Record<string | number, unknown>;
        for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        o[p[p.length - 1]!] = v;
        return check(doc) === zodSays(doc);
      }),
      { numRuns: 8_000 },
    );
  });

  it('agrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => check(v) === zodSays(v)),
      { numRuns: 3_000 },
    );
  });
});
