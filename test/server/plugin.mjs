// A tiny test server inside web-test-runner's dev server, so fetch tests need no other process.
//   /__test/doc?name=minimal.json   serves examples/<name>
//   &status=500                      answers with that status instead
//   &delay=300                       waits that many ms first
//   &body=raw                        answers with the raw text (e.g. invalid JSON)
//   &key=k                           counts the request under key k
//   /__test/count?key=k              how many requests key k got: {"count": n}
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const counts = new Map();
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

export function testServerPlugin() {
  return {
    name: 'ocmf-test-server',
    async serve(context) {
      const url = new URL(context.request.url, 'http://x');
      if (url.pathname === '/__test/count') {
        const key = url.searchParams.get('key') ?? '';
        return { body: JSON.stringify({ count: counts.get(key) ?? 0 }), type: 'application/json' };
      }
      if (url.pathname !== '/__test/doc') return undefined;
      const p = url.searchParams;
      const key = p.get('key');
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      const delay = Number(p.get('delay') ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const status = Number(p.get('status') ?? 200);
      if (status !== 200) {
        context.status = status;
        return { body: `status ${status}`, type: 'text/plain' };
      }
      if (p.has('body')) return { body: p.get('body'), type: 'application/json' };
      const name = (p.get('name') ?? 'minimal.json').replace(/[^A-Za-z0-9_./-]/g, '').replace(/\.\.+/g, '.');
      const body = await readFile(examples + name, 'utf8');
      return { body, type: 'application/json' };
    },
  };
}
