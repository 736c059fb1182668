// The single-file bundle's first line is V8's explicit compile hint (vite.bundle.config.ts
// postBanner): it must come before any code, and a minifier or banner change can drop it silently.
// Without it every function compiles lazily inside the first render (bench: gauge1 renderCpu +60%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

for (const file of ['dist/ocmf-widgets.bundle.js', 'dist/size/composite-gauge.js']) {
  test(`${file} starts with the eager-compile hint`, () => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    assert.equal(text.split('\n', 1)[0], '//# allFunctionsCalledOnLoad');
    assert.equal(text.match(/allFunctionsCalledOnLoad/g)?.length, 1);
  });
}
