// Every shared example: the valid ones evaluate, every invalid one is rejected with every path
// EXPECTED.md lists, in one run, and the warning example gives its warning.
import { expect } from '@open-wc/testing';
import { evaluate, formatPath, parseDocument } from '../../src/engine/index.js';

const load = async (name: string): Promise<unknown> => (await fetch(`/examples/${name}`)).json();

/** EXPECTED.md, read at run time so the test follows the file and not a copy of it. */
async function expectations(): Promise<Map<string, string[]>> {
  const text = await (await fetch('/examples/invalid/EXPECTED.md')).text();
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^- `([^`]+\.json)`: (.*)$/.exec(line);
    if (!m) continue;
    const paths = m[2]!.includes('the document itself') ? [''] : [...m[2]!.matchAll(/`([^`]*)`/g)].map((x) => x[1]!);
    map.set(m[1]!, paths);
  }
  return map;
}

describe('shared examples', () => {
  for (const name of ['minimal.json', 'ocmf-sample.json', 'warning-unknown-key.json', 'ocmf-v1-template.json']) {
    it(`${name} is valid and evaluates`, async () => {
      const r = evaluate(await load(name));
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
      expect(r.ok).to.equal(true);
      expect(r.root ?? r.ttcv).to.exist;
    });
  }

  it('every invalid example is rejected with every expected path in one run', async () => {
    const expected = await expectations();
    expect(expected.size).to.be.greaterThan(10);
    for (const [file, paths] of expected) {
      if (file.startsWith('../')) continue;
      const r = parseDocument(await load(`invalid/${file}`));
      expect(r.ok, file).to.equal(false);
      if (r.ok) continue;
      const got = r.issues.map((i) => formatPath(i.path));
      for (const p of paths) {
        const want = p === '' ? 'document' : p;
        const hit = got.some((g) => g === want || g.startsWith(want + '.') || g.startsWith(want + '['));
        expect(hit, `${file}: expected an issue at ${want}, got ${got.join(', ')}`).to.equal(true);
      }
      for (const i of r.issues) expect(i.message.length, file).to.be.greaterThan(10);
    }
  });

  it('the unknown-key example is accepted with a warning at its path', async () => {
    const r = parseDocument(await load('warning-unknown-key.json'));
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const w = r.warnings.find((x) => formatPath(x.path) === 'root.children[0].wieght');
    expect(w?.code).to.equal('unknown_key');
    expect(w?.message).to.contain('did you mean "weight"');
  });

  it('reports a piecewise order problem beside a bad score in the same points (every problem at once)', () => {
    const leaf = (points: unknown) => ({
      root: {
        id: 'r',
        label: 'R',
        children: [{ id: 'x', label: 'X', unit: 'days', value: 1, scoring: { type: 'piecewise', points } }],
      },
    });
    const r = parseDocument(
      leaf([
        [5, 0],
        [1, 50],
        [6, 101],
      ]),
    );
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const at = r.issues.map((i) => formatPath(i.path));
    expect(at).to.include('root.children[0].scoring.points[2][1]'); // 101 > 100
    expect(at).to.include('root.children[0].scoring.points[1][0]'); // 1 follows 5
    expect(r.issues.find((i) => i.code === 'scoring_piecewise')?.message).to.contain('1 follows 5');
    // a malformed point claims no order problem of its own (its own issue is the schema's)
    for (const bad of [['x', 50], { 0: 0, 1: 50 }, [0]]) {
      const m = parseDocument(leaf([[1, 0], bad, [3, 100]]));
      expect(m.ok, JSON.stringify(bad)).to.equal(false);
      expect(!m.ok && m.issues.some((i) => i.code === 'scoring_piecewise'), JSON.stringify(bad)).to.equal(false);
      expect(evaluate(leaf([[1, 0], bad, [3, 100]])).ok, JSON.stringify(bad)).to.equal(false);
    }
  });
});
