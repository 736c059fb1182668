// The README's JSON examples are documents the engine accepts (docs stay true to the code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate } from 'ocmf-widgets/engine';

test('every ```json block in the README is a valid metrics document', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 1);
  for (const b of blocks) {
    const r = evaluate(JSON.parse(b));
    assert.equal(r.ok, true, JSON.stringify(r.issues));
  }
});
