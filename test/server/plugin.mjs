// A tiny test server inside web-test-runner's dev server, so fetch tests need no other process.
//   /__test/doc?name=minimal.json   serves examples/<name>
//   &status=500                      answers with that status instead
//   &delay=300                       waits that many ms first
//   &body=raw                        answers with the raw text (e.g. invalid JSON)
//   &key=k                           counts the request under key k
//   &okFor=n                         with key: the first n requests answer normally, later ones 500
//   /__test/count?key=k              how many requests key k got: {"count": n}
//   /__test/reset?key=k              sets key k's count to 0
//   /__test/csp-page?src=...         an HTML page under a strict CSP with Trusted Types required that
//                                    loads /dist/ocmf-widgets.bundle.js and shows one gauge from src
//   /__test/twice-page               an HTML page that loads the bundle twice (two URLs)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const counts = new Map();
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

export function testServerPlugin() {
  return {
    name: 'ocmf-test-server',
    transform(context) {
      if (context.state.ocmfStatus) {
        context.status = context.state.ocmfStatus;
        return { transformCache: false };
      }
      return undefined;
    },
    async serve(context) {
      const url = new URL(context.request.url, 'http://x');
      if (url.pathname === '/__test/count') {
        const key = url.searchParams.get('key') ?? '';
        return { body: JSON.stringify({ count: counts.get(key) ?? 0 }), type: 'application/json' };
      }
      if (url.pathname === '/__test/reset') {
        counts.delete(url.searchParams.get('key') ?? '');
        return { body: '{}', type: 'application/json' };
      }
      if (url.pathname === '/__test/csp-page') {
        const src = (url.searchParams.get('src') ?? '/examples/minimal.json').replace(/[^A-Za-z0-9_./?=&-]/g, '');
        return {
          body: cspPage(src),
          type: 'text/html',
          headers: {
            'content-security-policy':
              "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
          },
        };
      }
      // OCMF_TEST_BUNDLE=1: the element tests' `import '…/define.js'` gets the built single-file
      // bundle instead of the sources, so the same assertions check what the bundle plugins did
      if (process.env.OCMF_TEST_BUNDLE && /^\/src\/elements\/[\w-]+\/define\.(js|ts)$/.test(url.pathname)) {
        return { body: "import '/dist/ocmf-widgets.bundle.js';", type: 'application/javascript' };
      }
      if (url.pathname === '/__test/twice-page') return { body: twicePage(), type: 'text/html' };
      if (url.pathname === '/__test/violations.js') return { body: violationsScript, type: 'application/javascript' };
      if (url.pathname !== '/__test/doc') return undefined;
      const p = url.searchParams;
      const key = p.get('key');
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      const delay = Number(p.get('delay') ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const okFor = p.has('okFor') ? Number(p.get('okFor')) : Infinity;
      const status = key && (counts.get(key) ?? 0) > okFor ? 500 : Number(p.get('status') ?? 200);
      if (status !== 200) {
        // the serve hook always answers 200; transform() below sets the real status
        context.state.ocmfStatus = status;
        return { body: `status ${status}`, type: 'text/plain' };
      }
      if (p.has('body')) return { body: p.get('body'), type: 'application/json' };
      const name = (p.get('name') ?? 'minimal.json').replace(/[^A-Za-z0-9_./-]/g, '').replace(/\.\.+/g, '.');
      const body = await readFile(examples + name, 'utf8');
      return { body, type: 'application/json' };
    },
  };
}

// Counts CSP violations and errors in the page; a module so it runs under script-src 'self'.
const violationsScript = `
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
`;

function cspPage(src) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP</title>
<script src="/__test/violations.js"></script>
<script type="module" src="/dist/ocmf-widgets.bundle.js"></script>
</head><body>
<ocmf-composite-gauge id="g" src="${src}"></ocmf-composite-gauge>
</body></html>`;
}

function twicePage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Twice</title>
<script src="/__test/violations.js"></script>
<script type="module" src="/dist/ocmf-widgets.bundle.js"></script>
<script type="module" src="/dist/ocmf-widgets.bundle.js?copy=2"></script>
</head><body>
<ocmf-composite-gauge id="g" value="72" label="Customer Composite" target="80"></ocmf-composite-gauge>
</body></html>`;
}
