// windowSlots: which DOM row (slot) each windowed row is drawn in (the scorecard's and the
// timeline's duration rows). Cases worked out by hand, then properties over random windows.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { windowSlots } from '../../src/layout/virtual.js';

const map = (o: Record<string, number>) => new Map(Object.entries(o));

describe('windowSlots', () => {
  it('numbers a first window in order', () => {
    const { slots, next } = windowSlots(new Map<string, number>(), ['a', 'b', 'c']);
    expect(slots).to.deep.equal([0, 1, 2]);
    expect([...next]).to.deep.equal([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('keeps the slots of rows still shown and gives a departed row’s slot to a new one', () => {
    // scrolled by one row: a left, d came in and refills a's DOM row
    const { slots } = windowSlots(map({ a: 0, b: 1, c: 2 }), ['b', 'c', 'd']);
    expect(slots).to.deep.equal([1, 2, 0]);
  });

  it('refills in place when most rows are new (a sort, a jump)', () => {
    // only a stays (1 of 4): every row takes a slot afresh, in order
    const { slots } = windowSlots(map({ a: 0, b: 1, c: 2, d: 3 }), ['x', 'y', 'z', 'a']);
    expect(slots).to.deep.equal([0, 1, 2, 3]);
  });

  it('never hands the focused row’s slot to another row', () => {
    const prev = map({ a: 0, b: 1, c: 2, d: 3 });
    // b has focus and left the window: its slot stays empty (its DOM row is dropped with it)
    expect(windowSlots(prev, ['w', 'x', 'y', 'z'], 'b').slots).to.deep.equal([0, 2, 3, 4]);
    // b has focus and is still shown, among new rows: it keeps its slot, the others go round it
    expect(windowSlots(prev, ['w', 'x', 'b', 'z'], 'b').slots).to.deep.equal([0, 2, 1, 3]);
  });

  it('holds its rules for any window', () => {
    const keys = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });
    fc.assert(
      fc.property(keys, keys, fc.option(fc.integer({ min: 0, max: 60 })), (before, shown, focusPick) => {
        const prev = windowSlots(new Map<number, number>(), before).next;
        const focused = focusPick ?? undefined;
        const { slots, next } = windowSlots(prev, shown, focused);
        // one DOM row per shown row
        expect(new Set(slots).size).to.equal(shown.length);
        expect([...next.keys()]).to.have.members(shown);
        shown.forEach((k, i) => expect(next.get(k)).to.equal(slots[i]));
        // the focused row's slot is its own, or nobody's
        const kept = focused !== undefined ? prev.get(focused) : undefined;
        if (kept !== undefined)
          shown.forEach((k, i) => {
            if (k === focused) expect(slots[i]).to.equal(kept);
            else expect(slots[i]).not.to.equal(kept);
          });
        // when at least half the rows were shown before, each of them keeps its DOM row
        const stayed = shown.filter((k) => prev.has(k));
        if (stayed.length * 2 >= shown.length) stayed.forEach((k) => expect(next.get(k)).to.equal(prev.get(k)));
        // slots stay compact: no slot past the rows shown, plus one held for focus
        slots.forEach((s) => expect(s).to.be.below(Math.max(before.length, shown.length + 1)));
      }),
      { numRuns: 500 },
    );
  });
});
