// The framework typings and runtime as an app gets them (after `npm run build`): the fixtures in
// test/frameworks import the package by its name, so "exports" and dist/ are what is checked.
// 1. tsc on the typing fixtures (moduleResolution bundler and node16): correct usage compiles, and
//    every `@ts-expect-error TSxxxx` line fails with that code (checked on a copy without the markers).
// 2. Without an opt-in no React or Vue type is loaded, and React's JSX does not know the tags.
// 3. React 19 (react-dom/client) and Vue 3 (runtime-only with h(), and a template) render <ocmf-composite-gauge> in
//    Chromium: data goes in as a property, ocmf-ready brings the engine's score, ocmf-select a pick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/frameworks');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function runTsc(project, ...args) {
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** `file(line,col): error TSnnnn: message` lines of tsc's output. */
function errorsOf(out) {
  return [...out.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    code: m[3],
    message: m[4],
  }));
}

test('dist/types has the framework entries that package.json exports', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const entry of ['./react', './vue']) {
    const e = pkg.exports[entry];
    assert.ok(e?.types && e.default, entry);
    assert.ok(existsSync(join(root, e.types)), e.types);
    assert.ok(existsSync(join(root, e.default)), e.default);
  }
  const react = readFileSync(join(root, pkg.exports['./react'].types), 'utf8');
  assert.match(react, /declare module 'react'[\s\S]*namespace JSX[\s\S]*'ocmf-driver-tree'/);
  const vue = readFileSync(join(root, pkg.exports['./vue'].types), 'utf8');
  assert.match(vue, /declare module 'vue'[\s\S]*interface GlobalComponents[\s\S]*'ocmf-ttcv-timeline'/);
});

for (const config of ['tsconfig.json', 'tsconfig.node16.json']) {
  test(`React and Vue typings compile, and wrong usage fails (${config})`, () => {
    const { status, out } = runTsc(join(fixtures, 'types', config));
    assert.equal(status, 0, out);
  });
}

test('each @ts-expect-error fails for its reason', () => {
  // A copy without the markers, next to the originals so the package resolves the same way.
  const dir = join(fixtures, `types/.check-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const expected = [];
    for (const name of ['react.tsx', 'vue.ts']) {
      const lines = readFileSync(join(fixtures, 'types', name), 'utf8').split('\n');
      lines.forEach((l, i) => {
        const m = /@ts-expect-error (TS\d+)/.exec(l);
        if (m) expected.push({ name, line: i + 2, code: m[1], why: l.trim() });
      });
      writeFileSync(join(dir, name), lines.map((l) => l.replace('@ts-expect-error', 'expected:')).join('\n'));
    }
    assert.ok(expected.length >= 15, `markers found: ${expected.length}`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', files: ['react.tsx', 'vue.ts'] }),
    );
    const { status, out } = runTsc(join(dir, 'tsconfig.json'));
    assert.notEqual(status, 0);
    const errors = errorsOf(out);
    for (const e of expected) {
      const hit = errors.find((x) => x.file.endsWith(e.name) && x.line === e.line);
      assert.ok(hit, `no error on ${e.name}:${e.line} (${e.why})`);
      assert.equal(hit.code, e.code, `${e.name}:${e.line} ${e.why}: ${hit.message}`);
    }
    // nothing else fails
    const stray = errors.filter((x) => !expected.some((e) => x.file.endsWith(e.name) && x.line === e.line));
    assert.deepEqual(stray, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every property, attribute and event in custom-elements.json is typed for React and Vue', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const lines = [
    "import type { GlobalComponents } from 'vue';",
    "import type { OcmfReactProps } from 'ocmf-widgets/react';",
    "import type {} from 'ocmf-widgets/vue';",
  ];
  let n = 0;
  const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      const react = `OcmfReactProps<'${d.tagName}'>`;
      const vue = `InstanceType<GlobalComponents['${d.tagName}']>['$props']`;
      const props = (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly);
      const keys = new Set([...props.map((m) => m.name), ...(d.attributes ?? []).map((a) => a.fieldName ?? a.name)]);
      for (const k of keys)
        lines.push(
          `export const r${n} = undefined satisfies ${react}['${k}'];`,
          `export const v${n++} = undefined satisfies ${vue}['${k}'];`,
        );
      for (const a of d.attributes ?? [])
        if (a.name.includes('-')) lines.push(`export const a${n++} = undefined satisfies ${react}['${a.name}'];`);
      for (const e of d.events ?? []) {
        lines.push(`export const e${n} = undefined satisfies ${react}['on${e.name}'];`);
        lines.push(`export const f${n++} = undefined satisfies ${vue}['on${camel('-' + e.name)}'];`);
      }
    }
  assert.ok(n >= 60, `only ${n} checks`);
  const dir = join(fixtures, `types/.manifest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, 'manifest.ts'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', files: ['manifest.ts'] }));
    const { status, out } = runTsc(join(dir, 'tsconfig.json'));
    assert.equal(status, 0, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without an opt-in: no React or Vue types are loaded, and JSX does not know the tags', () => {
  const core = runTsc(join(fixtures, 'types/tsconfig.core.json'), '--listFiles');
  assert.equal(core.status, 0, core.out);
  const files = core.out
    .split('\n')
    .filter((f) => f.includes('node_modules/') && !f.includes('node_modules/@typescript/'));
  assert.ok(
    files.some((f) => f.includes('node_modules/lit')),
    'the element types come with Lit',
  );
  assert.deepEqual(
    files.filter((f) => /node_modules\/(@types\/react|react|vue|@vue)\//.test(f)),
    [],
  );

  const jsx = runTsc(join(fixtures, 'types/tsconfig.no-optin.json'));
  const errors = errorsOf(jsx.out);
  assert.equal(errors.length, 1, jsx.out);
  assert.equal(errors[0].code, 'TS2339');
  assert.match(errors[0].message, /'ocmf-scorecard' does not exist on type 'JSX.IntrinsicElements'/);
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

test(
  'React 19 and Vue 3 (h() and a template) render the gauge: data as a property, ready with the score, select',
  { timeout: 180_000 },
  async () => {
    const out = join(root, '.tmp', `frameworks-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'warn',
      root: join(fixtures, 'app'),
      base: './',
      oxc: { jsx: { runtime: 'automatic' } },
      build: { outDir: out, emptyOutDir: true, minify: false, target: 'es2022' },
    });
    const server = createServer((req, res) => {
      const path = join(out, req.url === '/' ? 'index.html' : decodeURIComponent(req.url.split('?')[0]));
      if (!path.startsWith(out) || !existsSync(path)) return res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        .end(readFileSync(path));
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.ocmfApps);

      // weighted mean of the children's scores, by hand: (80·3 + 40·1) / 4 = 70, then (60·3 + 20·1) / 4 = 50
      const doc = (a, b) => ({
        root: {
          id: 'r',
          label: 'Support',
          children: [
            { id: 'csat', label: 'CSAT', weight: 3, value: a },
            { id: 'fcr', label: 'FCR', weight: 1, value: b },
          ],
        },
      });
      const docs = [doc(80, 40), doc(60, 20)];

      for (const app of ['react', 'vue', 'vuetemplate']) {
        await page.evaluate(
          ({ app, docs }) => {
            const host = document.getElementById(app);
            const mount = {
              react: window.ocmfApps.mountReact,
              vue: window.ocmfApps.mountVue,
              vuetemplate: window.ocmfApps.mountVueTemplate,
            }[app];
            window[app] = { ...mount(host, docs), docs };
          },
          { app, docs },
        );
        const scores = () => page.evaluate((app) => window[app].seen.scores, app);
        await page.waitForFunction((app) => window[app].seen.scores.length >= 1, app, { timeout: 20_000 });
        assert.deepEqual(await scores(), [70], app);

        // an object went in as the property (the element holds the very object), not as an attribute
        const state = await page.evaluate((app) => {
          const el = document.querySelector(`#${app} ocmf-composite-gauge`);
          return {
            dataIsProperty: el.data !== null && typeof el.data === 'object' && el.data.root.children[0].value === 80,
            dataAttribute: el.getAttribute('data'),
            lens: el.lens,
            kpiClass: el.classList.contains('kpi'),
            shown: el.shadowRoot.querySelector('[part="value"]')?.textContent.trim(),
          };
        }, app);
        assert.deepEqual(
          state,
          { dataIsProperty: true, dataAttribute: null, lens: 'manager', kpiClass: true, shown: '70' },
          app,
        );

        // a person picks a segment: ocmf-select with the child's id reaches the framework's handler
        await page.locator(`#${app} ocmf-composite-gauge [part="segment"][data-id="csat"]`).press('Enter');
        await page.waitForFunction((app) => window[app].seen.selected.length >= 1, app);
        assert.deepEqual(await page.evaluate((app) => window[app].seen.selected, app), ['csat'], app);

        // new data from the framework's state: one more ready, with the new score
        await page.evaluate((app) => window[app].next(), app);
        await page.waitForFunction((app) => window[app].seen.scores.length >= 2, app, { timeout: 20_000 });
        assert.deepEqual(await scores(), [70, 50], app);
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    }
  },
);
