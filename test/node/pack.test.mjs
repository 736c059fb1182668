// The package as a user gets it: `npm pack`, installed into an empty folder; the engine imports in
// Node, and the single-file bundle runs in Chromium from a page that references nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = join(root, '.tmp', `pack-${process.pid}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack installs into an empty project and works there', { timeout: 300_000 }, async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const tgz = execFileSync(npm, ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tgz)], {
      cwd: work,
      stdio: 'pipe',
    });

    const listed = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('ocmf-widgets/engine'); const r = m.evaluate({root:{id:'r',label:'R',value:42}}); console.log(JSON.stringify({keys:Object.keys(m), score:r.root.score, schema: typeof m.toJsonSchema()}))",
      ],
      { cwd: work, encoding: 'utf8' },
    );
    const out = JSON.parse(listed);
    assert.ok(out.keys.includes('parseDocument') && out.keys.includes('evaluate') && out.keys.includes('toJsonSchema'));
    assert.equal(out.score, 42);
    assert.equal(out.schema, 'object');
    const pkgDir = join(work, 'node_modules/ocmf-widgets');
    for (const f of [
      'dist/schema.json',
      'custom-elements.json',
      'dist/types/engine/index.d.ts',
      'dist/ocmf-widgets.bundle.js',
    ]) {
      assert.ok(existsSync(join(pkgDir, f)), f);
    }

    // the bundle alone, served next to one HTML page
    const bundle = readFileSync(join(pkgDir, 'dist/ocmf-widgets.bundle.js'));
    const page = `<!doctype html><html lang="en"><body>
      <ocmf-composite-gauge value="72" label="Customer Composite" target="80"></ocmf-composite-gauge>
      <script type="module" src="/ocmf-widgets.bundle.js"></script></body></html>`;
    const requests = [];
    const server = createServer((req, res) => {
      requests.push(req.url);
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else if (req.url === '/ocmf-widgets.bundle.js')
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else res.writeHead(404).end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const p = await browser.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`http://127.0.0.1:${server.address().port}/`);
      const text = await p.waitForFunction(
        () => {
          const el = document.querySelector('ocmf-composite-gauge');
          const t = el?.shadowRoot?.textContent ?? '';
          return t.includes('72') && t.includes('Customer Composite') ? t : false;
        },
        null,
        { timeout: 20_000 },
      );
      assert.ok(String(await text.jsonValue()).includes('72'));
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((u) => u !== '/favicon.ico').sort(), ['/', '/ocmf-widgets.bundle.js']);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
