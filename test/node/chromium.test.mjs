// The Chromium the tests and `npm run bench` start (scripts/chromium.mjs): a new window must not
// load Chromium's own omnibox popup pages. They ran in renderers of their own for ~1 s of CPU
// beside every page the benchmark measured; if a Chromium update renames the features that turn
// them off, this fails instead of the benchmark quietly measuring them again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const targets = async (args) => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  try {
    const cdp = await browser.newBrowserCDPSession();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('data:text/html,<p>a page</p>');
    await new Promise((r) => setTimeout(r, 300));
    return (await cdp.send('Target.getTargets')).targetInfos.map((t) => t.url);
  } finally {
    await browser.close();
  }
};

test('a new window opens only the page, not the omnibox popups', { timeout: 60_000 }, async () => {
  const urls = await targets(CHROMIUM_ARGS);
  assert.deepEqual(
    urls.filter((u) => u.startsWith('chrome://')),
    [],
    `Chromium's own pages beside the page under test: ${urls.join(', ')}`,
  );
  assert.ok(urls.includes('data:text/html,<p>a page</p>'), urls.join(', '));
  // and the check can fail: with Chromium's defaults this Chromium does open them (if a later one
  // stops, there is nothing left to switch off and the line above passes either way)
  const plain = await targets(CHROMIUM_ARGS.filter((a) => !a.startsWith('--disable-features')));
  if (!plain.some((u) => u.startsWith('chrome://omnibox-popup')))
    console.log(`# this Chromium opens no omnibox popup by default: ${plain.join(', ')}`);
});
