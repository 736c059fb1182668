// The demo as `npm start` serves it (Vite dev server, vite.demo.config.ts), in Chromium: the portal
// shows all four widgets from one `src` with the engine's numbers, the lens and theme switches
// reach every widget; the playground shows every issue with its path for a bad document, and the
// widgets plus an embed snippet for a good one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, watchErrors } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = ['ocmf-composite-gauge', 'ocmf-scorecard', 'ocmf-driver-tree', 'ocmf-ttcv-timeline'];

test('the demo portal and playground work as a person uses them', { timeout: 240_000 }, async () => {
  const { evaluate } = await import('ocmf-widgets/engine');
  const sample = JSON.parse(readFileSync(new URL('../../examples/ocmf-sample.json', import.meta.url), 'utf8'));
  const expected = evaluate(sample);
  const server = await createServer({
    configFile: `${root}vite.demo.config.ts`,
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`http://127.0.0.1:${port}/index.html`);

    // every widget ready (its shadow root past loading), the overall gauge showing the engine's score
    await page.waitForFunction(
      (tags) =>
        tags.every((t) => {
          const els = [...document.querySelectorAll(t)];
          return els.length && els.every((el) => el.shadowRoot?.querySelector('.state-ready'));
        }),
      TAGS,
      { timeout: 60_000 },
    );
    const overall = await page.evaluate(() =>
      document
        .querySelector('ocmf-composite-gauge:not([node])')
        .shadowRoot.querySelector('[role="meter"]')
        .getAttribute('aria-valuenow'),
    );
    // the engine's score to 2 decimals (the meter's aria-valuenow is a plain decimal)
    assert.match(overall, /^\d+(\.\d{1,2})?$/);
    assert.ok(Math.abs(Number(overall) - expected.root.score) <= 0.005, `${overall} vs ${expected.root.score}`);

    await page.selectOption('#lens', 'executive');
    await page.selectOption('#theme', 'dark');
    const attrs = await page.evaluate(
      (tags) =>
        [...document.querySelectorAll(tags.join(','))].map((el) => [el.getAttribute('lens'), el.getAttribute('theme')]),
      TAGS,
    );
    assert.ok(attrs.length >= 4);
    for (const [lens, theme] of attrs) assert.deepEqual([lens, theme], ['executive', 'dark']);

    // playground: a bad document lists its issues with their paths; a good one shows widgets + snippet
    await page.goto(`http://127.0.0.1:${port}/playground.html`);
    const bad = {
      version: 1,
      root: { id: 'r', label: 'R', children: [{ id: 'a', label: 'A', weight: -1, value: 'x' }] },
    };
    await page.fill('#json', JSON.stringify(bad));
    await page.waitForFunction(() => document.querySelectorAll('#issues li').length >= 2, null, { timeout: 10_000 });
    const issues = await page.locator('#issues').innerText();
    assert.match(issues, /root\.children\[0\]\.weight/);
    assert.match(issues, /root\.children\[0\]\.value/);

    await page.click('#load-sample');
    await page.waitForFunction(() => document.querySelector('#g')?.shadowRoot?.querySelector('[role="meter"]'), null, {
      timeout: 20_000,
    });
    assert.equal(await page.locator('#issues li').count(), 0);
    const snippet = await page.locator('#snippet').innerText();
    assert.match(snippet, /<ocmf-composite-gauge/);
    assert.match(snippet, /<script/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
