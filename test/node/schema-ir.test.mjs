// src/engine/schema.generated.ts (the zod schema as plain data, for the zod-free checker) is
// committed: this fails when someone changed src/engine/schema.ts and forgot `npm run generate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('src/engine/schema.generated.ts is up to date with schema.ts (run `npm run generate`)', () => {
  const fresh = execFileSync(process.execPath, ['scripts/generate-schema-ir.mjs', '--stdout'], {
    cwd: root,
    encoding: 'utf8',
  });
  const committed = readFileSync(new URL('src/engine/schema.generated.ts', `file://${root}`), 'utf8');
  assert.equal(committed, fresh);
});

test('the single-file bundle and the element chunks do not contain zod', () => {
  // zod's parser leaves these names in any build that includes it; the engine entry may keep it
  // (toJsonSchema), the widgets must not
  const bundle = readFileSync(new URL('dist/ocmf-widgets.bundle.js', `file://${root}`), 'utf8');
  for (const mark of ['$ZodType', 'zod', 'safeParse']) assert.ok(!bundle.includes(mark), mark);
});
