// Where Chromium is and how we start it, written once for the test runner, the Node tests that
// drive a browser and the benchmark. CHROME_PATH wins; then Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const chromiumPath = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));

/**
 * No sandbox (root in CI), no GPU, and nothing that calls out: this machine has no network.
 * Chromium 156's headless mode also loads two WebUI pages of its own (the omnibox popups,
 * chrome://omnibox-popup.top-chrome/) in renderers of their own for every new window, which a
 * Playwright context is: ~1 s of CPU that overlapped each page the benchmark measured and took one
 * of this machine's two cores from it. A page under test has no omnibox, so both are switched off
 * (OCMF_CHROMIUM_DEFAULTS=1 keeps Chromium's defaults, to compare).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.env.OCMF_CHROMIUM_DEFAULTS ? [] : ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup']),
];

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * A static file server on 127.0.0.1 (a free port) for a folder; `/` serves index.html.
 * Returns { base, close }.
 */
export async function serveStatic(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * Collects what a person would call an error on a playwright page: page errors, console errors
 * (a failed request is named by its URL instead of Chromium's generic line) and HTTP >= 400 but
 * the favicon. Returns the array it fills.
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()),
  );
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}
