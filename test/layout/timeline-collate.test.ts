// The label order without ICU start-up: the same answers as Intl.Collator (numeric), and no
// collator built for plain English labels.
import { expect } from '@open-wc/testing';
import { labelComparer } from '../../src/layout/timeline-collate.js';

const sign = (n: number) => Math.sign(n);

describe('labelComparer', () => {
  it('orders like the numeric collator on hand-picked cases', () => {
    const cmp = labelComparer('en');
    // numbers by value, leading zeros ignored entirely
    expect(sign(cmp('Customer 2', 'Customer 10'))).to.equal(-1);
    expect(cmp('Customer 01', 'Customer 1')).to.equal(0);
    // letters case-blind first, then lower case before upper case
    expect(sign(cmp('b', 'C'))).to.equal(-1);
    expect(sign(cmp('a', 'A'))).to.equal(-1);
    expect(sign(cmp('ab', 'Aa'))).to.equal(1);
    // punctuation and space before digits before letters; a prefix first
    expect(sign(cmp('Mid-market', 'Mid market'))).to.equal(1);
    expect(sign(cmp('9', 'a'))).to.equal(-1);
    expect(sign(cmp('SMB', 'SMB 2'))).to.equal(-1);
    // not plain ASCII: the collator decides (e < é < f)
    expect(sign(cmp('é', 'f'))).to.equal(-1);
    expect(sign(cmp('e', 'é'))).to.equal(-1);
  });

  it('agrees with Intl.Collator on 50,000 random ASCII pairs', () => {
    const cmp = labelComparer('en-US');
    const ref = new Intl.Collator('en-US', { numeric: true });
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ' _-,.;:!?\'"()[]{}@*/\\&#%`^+<=>|~$0000112345678 9aAbBcCzZmMqQ';
    const word = () => {
      let s = '';
      for (let k = Math.floor(rnd() * 7); k > 0; k--) s += alphabet[Math.floor(rnd() * alphabet.length)];
      return s;
    };
    const misses: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      const a = word();
      // half the pairs differ only in case or leading zeros, where the later levels decide
      const b =
        rnd() < 0.5
          ? word()
          : a
              .replace(/[a-z]/i, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
              .replace(/\d/, '0$&');
      if (sign(cmp(a, b)) !== sign(ref.compare(a, b))) misses.push(`${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
    expect(misses.slice(0, 5)).to.deep.equal([]);
  });

  it('builds no Intl.Collator for plain English labels, and one for the rest', () => {
    const Original = Intl.Collator;
    let built = 0;
    (Intl as { Collator: unknown }).Collator = function (...args: ConstructorParameters<typeof Intl.Collator>) {
      built++;
      return new Original(...args);
    };
    try {
      // a locale no other test used, so no cached collator hides a construction
      const cmp = labelComparer('en-AU');
      expect(['Customer 10', 'customer 9', 'Beta', 'alpha'].sort(cmp)).to.deep.equal([
        'alpha',
        'Beta',
        'customer 9',
        'Customer 10',
      ]);
      expect(built).to.equal(0);
      expect(sign(cmp('Zoë', 'Zoe'))).to.equal(1);
      expect(built).to.equal(1);
      // another language: always the collator (Swedish puts ä after z)
      expect(sign(labelComparer('sv')('ä', 'z'))).to.equal(1);
    } finally {
      (Intl as { Collator: unknown }).Collator = Original;
    }
  });
});
