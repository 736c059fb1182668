// nextSteps' order (SPEC §3.4: largest gain first, ties by id) comes from a radix sort over the
// keys' bits; it must give exactly what a plain comparator sort gives.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { idKey, rankByKey } from '../../src/engine/rank.js';

const byComparator = (items: { id: string; key: number }[]) =>
  [...items].sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((x) => x.id);

const rank = (items: { id: string; key: number }[]) =>
  rankByKey(
    items,
    Float64Array.from(items, (x) => x.key),
  ).map((x) => x.id);

describe('rankByKey', () => {
  it('orders by key, largest first, ties by id (hand-worked)', () => {
    const items = [
      { id: 'b', key: 2 },
      { id: 'a', key: 2 },
      { id: 'c', key: 10 },
      { id: 'd', key: -1 },
      { id: 'e', key: 0 },
      { id: 'B', key: 2 },
      { id: 'f', key: -0 },
      { id: 'g', key: 0.5 },
      { id: 'h', key: -100 },
    ];
    expect(rank(items)).to.deep.equal(['c', 'B', 'a', 'b', 'g', 'e', 'f', 'd', 'h']);
    expect(rank([])).to.deep.equal([]);
  });

  it('agrees with a comparator sort on any keys and ids (fast-check)', () => {
    const key = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1, 2, 0.1 + 0.2, 0.3, 5e-324, -5e-324, Number.MAX_VALUE),
      fc.integer({ min: -3, max: 3 }),
    );
    const items = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), key }), {
      selector: (x) => x.id,
      maxLength: 300,
    });
    fc.assert(
      fc.property(items, (xs) => {
        expect(rank(xs)).to.deep.equal(byComparator(xs));
      }),
      { numRuns: 1_000 },
    );
  });

  it('agrees with a comparator sort on thousands of items (the radix path)', () => {
    const key = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1, 2, 2, 2, 0.5, -3, 5e-324, -5e-324),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 2048, maxLength: 3000 }), (keys) => {
        // unique ids in an order unrelated to the keys (7919 is prime, so i·7919 mod n is a permutation)
        const xs = keys.map((k, i) => ({ id: `x${((i * 7919) % keys.length).toString(36)}`, key: k }));
        expect(rank(xs)).to.deep.equal(byComparator(xs));
      }),
      { numRuns: 40 },
    );
  });

  it('idKey never orders two ids against `<` (any UTF-16, shared prefixes, high code units)', () => {
    const id = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '~', '}', '\u007f', '\u0000', '\u00e9', '\ud83d'), maxLength: 10 }),
    );
    fc.assert(
      fc.property(id, id, (a, b) => {
        if (idKey(a) < idKey(b)) expect(a < b, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).to.equal(true);
      }),
      { numRuns: 20_000 },
    );
    // hand-worked: a prefix first; '~' (126) and above share the top digit and end the packing
    expect(idKey('ab') < idKey('abc')).to.equal(true);
    expect(idKey('a~z')).to.equal(idKey('a\u00ffa'));
    expect(idKey('abcdefgX')).to.equal(idKey('abcdefgY'));
  });

  it('agrees with a comparator sort on thousands of ids sharing long prefixes or any characters', () => {
    const key = fc.constantFrom(0, 1, 2, 2, 2, 0.5);
    const id = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '~', '\u00e9'), maxLength: 3 }).map((s) => `metric-${s}`),
    );
    const items = fc.uniqueArray(fc.record({ id, key }), { selector: (x) => x.id, minLength: 2048, maxLength: 2600 });
    fc.assert(
      fc.property(items, (xs) => {
        expect(rank(xs)).to.deep.equal(byComparator(xs));
      }),
      { numRuns: 15, endOnFailure: true }, // shrinking 2,000-item arrays takes minutes
    );
  });
});
