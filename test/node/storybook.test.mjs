// Builds Storybook (static, offline) and opens every story in headless Chromium: each must render
// with no console error, no page error and no axe-core violation (shadow DOM included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, serveStatic, watchErrors } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'storybook-static');

test('every story renders with no console error and no axe violation', { timeout: 600_000 }, async (t) => {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', out, '--quiet'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  const stories = Object.values(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).entries).filter(
    (e) => e.type === 'story',
  );
  assert.ok(stories.length >= 10, `only ${stories.length} stories`);

  const { base, close } = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const axe = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const failures = [];
  try {
    for (const story of stories) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(() => document.querySelector('#storybook-root')?.children.length, null, {
        timeout: 20_000,
      });
      // let the elements load their data and render (ocmf-ready), then a frame
      await page.evaluate(() => new Promise((r) => setTimeout(r, 400)));
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        // the a11y addon runs its own axe on each story (same global): wait until it is done
        for (let i = 0; ; i++) {
          try {
            const r = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
            return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          } catch (err) {
            if (i > 40 || !String(err).includes('already running')) throw err;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      });
      if (errors.length || violations.length)
        failures.push(`${story.id}\n  ${[...errors, ...violations].join('\n  ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    close();
  }
  t.diagnostic(`${stories.length} stories checked`);
  assert.deepEqual(failures, []);
});
