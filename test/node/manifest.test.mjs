// custom-elements.json is committed (editors, Storybook and frameworks read it) and generated from
// the JSDoc on the element classes: this fails when someone changed an element and forgot to run
// `npm run manifest`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('custom-elements.json is up to date with the JSDoc (run `npm run manifest`)', () => {
  // the analyzer joins --outdir to the working directory, so the fresh copy goes to .tmp/ (ignored)
  const rel = `.tmp/cem-check-${process.pid}`;
  const out = join(root, rel);
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        rel,
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const fresh = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    assert.deepEqual(committed, fresh);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('every element is in the manifest with its tag name', () => {
  const m = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const tags = m.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => d.tagName)).filter(Boolean);
  for (const tag of ['ocmf-composite-gauge', 'ocmf-scorecard', 'ocmf-driver-tree', 'ocmf-ttcv-timeline'])
    assert.ok(tags.includes(tag), tag);
});
