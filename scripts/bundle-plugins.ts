// Vite plugins for the minified single-file bundles (vite.bundle.config.ts). Minifiers leave string
// contents and property names alone; these shrink what they cannot see, each in a way that keeps
// what the page gets the same. test/node/bundle.test.mjs and the bundle's browser tests check them.
import type { Plugin } from 'vite';
import MagicString from 'magic-string';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/**
 * Lit's css`` literals ship as written (indentation, comments). This folds them: comments gone,
 * whitespace runs to one space, none around { } ; , > and after a colon, 0.5 written .5.
 * Interpolations (${…}) are kept as they are. Selectors keep their descendant spaces (".a :hover"
 * stays as written).
 */
export function minifyCssLiterals(): Plugin {
  const fold = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/(?<![\w.-])0\.(\d)/g, '.$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'ocmf-minify-css-literals',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = new MagicString(code);
      for (const m of code.matchAll(/\bcss`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g)) {
        // fold the CSS between interpolations, never inside them
        const parts = m[1]!.split(/(\$\{[^}]*\})/);
        out.overwrite(
          m.index!,
          m.index! + m[0].length,
          `css\`${parts.map((p, i) => (i % 2 ? p : fold(p))).join('')}\``,
        );
      }
      return result(out);
    },
  };
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Every node of an ESTree, depth first. */
function* walk(node: unknown): Generator<Node> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n);
    return;
  }
  const n = node as Node;
  if (typeof n.type === 'string') yield n;
  for (const key in n) if (key !== 'type' && typeof n[key] === 'object') yield* walk(n[key]);
}

/**
 * Lit's html`` and svg`` templates: each run of white space that holds a line break becomes one
 * space, or nothing where it ends a tag (before > or />). HTML renders a run of white space as one
 * space anyway (no template here sits in a `pre` or `white-space: pre*` box, which the test in
 * bundle.test.mjs keeps true), so the page looks the same; the indentation of ~700 template lines
 * is ~1 kB gzip. Only the static parts of the templates change (the parser finds them: a newline in
 * any other string is left alone).
 */
export function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'ocmf-collapse-template-whitespace',
    // after TypeScript is stripped: the kit's own modules, where the tags still have Lit's names
    enforce: 'post' as const,
    transform(code: string, id: string) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const out = new MagicString(code);
      for (const n of walk(this.parse(code))) {
        if (n.type !== 'TaggedTemplateExpression') continue;
        const tag = n.tag as Node & { name?: string };
        if (tag.type !== 'Identifier' || (tag.name !== 'html' && tag.name !== 'svg')) continue;
        for (const q of (n.quasi as { quasis: Node[] }).quasis) {
          // each run on its own, so the text between keeps its place in the source map
          const text = code.slice(q.start, q.end);
          for (const m of text.matchAll(/[ \t\r\n]*\n[ \t\r\n]*/g)) {
            const end = m.index! + m[0].length;
            // a line that starts with > or /> closes a tag (Prettier's `</span\n>`, attributes on their
            // own lines): white space inside a tag is no text, so none is left there
            const inTag = text[end] === '>' || text.startsWith('/>', end);
            out.overwrite(q.start + m.index!, q.start + end, inTag ? '' : ' ');
          }
        }
      }
      return out.hasChanged() ? result(out) : null;
    },
  };
}

/**
 * Renames the kit's own `_private` members (`this._layout`, the same name as a key of Lit's
 * `static properties` and as a string in `changed.has('_layout')`) to short fresh names, in the whole
 * chunk at once. It is a one-to-one renaming of identifier tokens onto names that occur nowhere in
 * the chunk, so the program means the same; the names are not public API (TypeScript `private`
 * and `protected`, or underscored by convention), and no `_name` string reaches the page as text.
 */
export function manglePrivateMembers(srcDir: string): Plugin {
  return {
    name: 'ocmf-mangle-private-members',
    renderChunk(code) {
      // member names: read as `x._name`, or declared at the start of a class member line
      const ours = new Set<string>();
      const member =
        /\._([a-zA-Z]\w*)|^[ \t]*(?:(?:private|protected|public|static|readonly|override|async|get|set|declare)\s+)*_([a-zA-Z]\w*)\s*[?!]?[(:=<;]/gm;
      for (const file of tsFiles(srcDir)) {
        for (const m of readFileSync(file, 'utf8').matchAll(member)) ours.add(`_${m[1] ?? m[2]}`);
      }
      // (not after "-": `--_good` in CSS is a custom property, which a theme may also build from a
      // string at run time, so renaming it with a member `_good` would part it from its definition)
      const token = /(?<![\w$-])_[a-zA-Z]\w*(?![\w$])/g;
      const count = new Map<string, number>();
      for (const m of code.matchAll(token)) if (ours.has(m[0])) count.set(m[0], (count.get(m[0]) ?? 0) + 1);
      const taken = new Set(code.match(/[\w$]+/g));
      const rename = new Map<string, string>();
      let next = 0;
      // the most used names get the shortest replacements
      for (const name of [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)!)) {
        let short: string;
        do short = `_${(next++).toString(36)}`;
        while (taken.has(short));
        if (short.length < name.length) rename.set(name, short);
      }
      const out = new MagicString(code);
      for (const m of code.matchAll(token)) {
        const short = rename.get(m[0]);
        if (short) out.overwrite(m.index!, m.index! + m[0].length, short);
      }
      return result(out);
    },
  };
}

/**
 * A second minifier pass over the minified chunk: terser (three compress passes, safe options only)
 * finds what the first minifier leaves (0.5 kB gzip of the kit's bundle). `pure_getters` (48 bytes)
 * lets it drop or reorder property reads: no getter of ours or Lit's is read for its side effect
 * (no forced-layout reads such as a bare `el.offsetWidth`); keep it that way. It runs after the first,
 * since terser alone comes out larger. Comments go except V8's compile hint and the map's URL; the
 * source map is chained through, so it still points at src/.
 */
export function terserPass(): Plugin {
  return {
    name: 'ocmf-terser-pass',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const out = await minify(chunk.code, {
          ecma: 2020,
          module: true,
          compress: { passes: 3, unsafe_arrows: true, keep_fargs: false, pure_getters: true },
          format: { comments: /^# (allFunctionsCalledOnLoad$|sourceMappingURL=)/ },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), asObject: true } : false,
        });
        chunk.code = out.code!;
        if (!chunk.map) continue;
        const asset = bundle[`${chunk.fileName}.map`];
        chunk.map = out.map as typeof chunk.map;
        if (asset?.type === 'asset') asset.source = JSON.stringify(out.map);
      }
    },
  };
}

/** The edited code with a source map of the edits, so the bundle's map stays true. */
function result(out: MagicString) {
  return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
