// The single-file bundle's first line is V8's explicit compile hint (vite.bundle.config.ts
// postBanner): it must come before any code, and a minifier or banner change can drop it silently.
// Without it every function compiles lazily inside the first render (bench: gauge1 renderCpu +60%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceMap } from 'node:module';

for (const file of ['dist/ocmf-widgets.bundle.js', 'dist/size/composite-gauge.js']) {
  test(`${file} starts with the eager-compile hint`, () => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    assert.equal(text.split('\n', 1)[0], '//# allFunctionsCalledOnLoad');
    assert.equal(text.match(/allFunctionsCalledOnLoad/g)?.length, 1);
  });
}

// scripts/bundle-plugins.ts: what they promise, read from the built files. That the bundle still
// works is the browser suite's job: `npm run test:bundle` runs the element tests against it.
const bundle = readFileSync(new URL('../../dist/ocmf-widgets.bundle.js', import.meta.url), 'utf8');
const srcFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? srcFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const src = srcFiles(fileURLToPath(new URL('../../src', import.meta.url))).map((f) => readFileSync(f, 'utf8'));

test('the bundle keeps none of the long private member names of src/', () => {
  const members = new Set(src.flatMap((t) => [...t.matchAll(/\bthis\.(_[a-zA-Z]\w{3,})/g)].map((m) => m[1])));
  assert.ok(members.size > 50, `found only ${members.size} private members in src/`);
  const left = [...members].filter((m) => new RegExp(`(?<![\\w$-])${m}(?![\\w$])`).test(bundle));
  assert.deepEqual(left, []);
});

test('the bundle renames no CSS custom property (each --_name in it is written so in src/)', () => {
  const all = src.join('\n');
  const renamed = [...new Set(bundle.match(/--_[\w-]+/g))].filter((name) => !all.includes(name));
  assert.deepEqual(renamed, []);
});

test("the bundle's templates hold no indentation (no line starts with white space)", () => {
  assert.deepEqual(
    bundle.split('\n').filter((l) => /^\s/.test(l)),
    [],
  );
});

test('no template renders white space as written (the whitespace folding relies on it)', () => {
  for (const text of src) {
    assert.doesNotMatch(text, /white-space:\s*pre|<pre[\s>]|<textarea[\s>]/);
  }
});

test("the bundle's source map still points into the sources after the plugins' edits", () => {
  const map = new SourceMap(
    JSON.parse(readFileSync(new URL('../../dist/ocmf-widgets.bundle.js.map', import.meta.url), 'utf8')),
  );
  const lines = bundle.split('\n');
  // distinctive texts, one in each part of the bundle; the last ones sit after many renamed members.
  // A minifier maps a template literal as one token: the text is in the template that starts there.
  for (const text of ['Biggest lever', 'Search nodes by label', 'Start measuring', 'still waiting']) {
    const line = lines.findIndex((l) => l.includes(text));
    assert.ok(line >= 0, text);
    const entry = map.findEntry(line, lines[line].indexOf(text));
    const source = readFileSync(new URL(entry.originalSource, pathToFileURL(join(process.cwd(), 'dist/'))), 'utf8');
    const near = source
      .split('\n')
      .slice(entry.originalLine, entry.originalLine + 12)
      .join('\n');
    assert.ok(near.includes(text), `${text} maps to ${entry.originalSource}:${entry.originalLine + 1}`);
  }
});
