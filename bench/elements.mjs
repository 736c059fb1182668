// npm run bench — the elements in headless Chromium (Debian's, via playwright-core), medians
// over several fresh page loads. Cases live in bench/cases/*.js; each exports
// `cases = { id: async (ctx) => ({ metric: ms, … }) }` and runs inside the page with the built
// single-file bundle loaded (see bench/page.html). Not a test: goals are printed, never asserted.
// Usage: node bench/elements.mjs [--reps N] [--only id,id] [--json]
// The peers (ECharts, Chart.js, hand-written d3…) are measured by ../shared/bench:
//   KIT_DIST=$PWD/dist node ../shared/bench/run.mjs --only ocmf-kit,d3,echarts-svg
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, serveStatic } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const reps = Number(arg('--reps', 7));
const only = arg('--only', '')?.split(',').filter(Boolean) ?? [];

if (!existsSync(join(root, 'dist/ocmf-widgets.bundle.js'))) {
  console.error('dist/ocmf-widgets.bundle.js is missing: run `npm run build` first');
  process.exit(1);
}

const { base, close } = await serveStatic(root);

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
const version = browser.version();

const files = (await readdir(join(root, 'bench/cases'))).filter((f) => f.endsWith('.js') && !f.startsWith('_')).sort();
const ids = [];
for (const f of files) {
  const mod = await import(join(root, 'bench/cases', f));
  for (const id of Object.keys(mod.cases)) ids.push({ file: f, id, goal: mod.goals?.[id] ?? {} });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const { file, id, goal } of ids.filter((c) => !only.length || only.includes(c.id))) {
  const samples = {};
  for (let r = 0; r < reps + 1; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // main-thread CPU time for cases/_util.js `measured()` (as ../shared/bench does for its c2 table)
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.exposeFunction('__taskMs', async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    });
    await page.goto(`${base}/bench/page.html?file=${encodeURIComponent(file)}&case=${encodeURIComponent(id)}`);
    const out = await page.evaluate(() => window.__benchDone);
    await context.close();
    if (errors.length || out.error) throw new Error(`${id}: ${out.error ?? ''} ${errors.join('; ')}`);
    if (r === 0) continue; // warm-up load (disk cache, compile cache)
    for (const [k, v] of Object.entries(out.metrics)) (samples[k] ??= []).push(v);
  }
  for (const [metric, xs] of Object.entries(samples)) {
    results.push({
      case: id,
      metric,
      median: median(xs),
      min: Math.min(...xs),
      max: Math.max(...xs),
      goal: goal[metric],
    });
  }
}
await browser.close();
close();

if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
else {
  console.log(
    `Chromium ${version} headless (${CHROMIUM_ARGS.join(' ')}), ${reps} page loads per case; medians (min–max) in ms\n`,
  );
  console.log('| case | metric | median | min–max | goal |\n| --- | --- | --- | --- | --- |');
  for (const r of results) {
    const verdict = r.goal === undefined ? '' : `${r.median <= r.goal ? 'met' : 'MISSED'} (< ${r.goal} ms)`;
    console.log(
      `| ${r.case} | ${r.metric} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)}–${r.max.toFixed(1)} | ${verdict} |`,
    );
  }
}
