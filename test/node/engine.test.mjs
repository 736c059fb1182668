// The engine in Node, as a package consumer sees it: `import('ocmf-widgets/engine')` resolves
// through package.json `exports` to the built dist/ (run `npm run build` first; `npm test` does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const engine = await import('ocmf-widgets/engine');
const examples = new URL('../../examples/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, examples), 'utf8'));

test('ocmf-widgets/engine loads in Node with no DOM and exports the SPEC §5 API', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  for (const name of ['parseDocument', 'evaluate', 'toJsonSchema']) assert.equal(typeof engine[name], 'function', name);
});

test('the sample evaluates in Node to the same numbers as hand-worked in the browser tests', () => {
  const r = engine.evaluate(read('ocmf-sample.json'));
  assert.equal(r.ok, true);
  assert.equal(r.nextSteps[0].id, 'kb-linked');
  assert.ok(Math.abs(r.nodes['kb-linked'].gain - 2.8) < 1e-9);
  assert.equal(r.ttcv.overall.n, read('ocmf-sample.json').journeys.length);
});

test('a cyclic object and 10,000 levels of nesting give issues in Node too', () => {
  const a = { id: 'a', label: 'A' };
  a.children = [a];
  assert.equal(engine.parseDocument({ root: a }).ok, false);
  let node = { id: 'x', label: 'X', value: 1 };
  for (let i = 0; i < 10_000; i++) node = { id: `n${i}`, label: 'N', children: [node] };
  const r = engine.parseDocument({ root: node });
  assert.equal(r.ok, false);
  assert.equal(r.issues[0].code, 'too_deep');
});

test('examples/ is a faithful copy of the shared examples (when shared/ is beside the repo)', (t) => {
  const shared = new URL('../../../shared/examples/', import.meta.url);
  if (!existsSync(shared)) return t.skip('no ../shared/examples here');
  const walk = (base, dir = '') =>
    readdirSync(new URL(dir, base), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(base, `${dir}${e.name}/`) : [`${dir}${e.name}`],
    );
  for (const f of walk(shared)) {
    assert.equal(readFileSync(new URL(f, examples), 'utf8'), readFileSync(new URL(f, shared), 'utf8'), f);
  }
});
