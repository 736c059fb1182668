// The single-file bundle: every dependency inlined and minified, so a page needs only
// <script type="module" src=".../ocmf-widgets.bundle.js">. Lib-mode ES output is not minified
// (TOOLCHAIN.md), so this is a plain app build with one input and no code splitting.
import { defineConfig } from 'vite';
import {
  collapseTemplateWhitespace,
  manglePrivateMembers,
  minifyCssLiterals,
  terserPass,
} from './scripts/bundle-plugins.ts';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// OCMF_ENTRY=composite-gauge builds that element alone (with Lit, the engine and its d3 parts)
// into dist/size/, for its size-limit budget; without it, the whole kit.
const entry = process.env.OCMF_ENTRY;

export default defineConfig({
  plugins: [minifyCssLiterals(), collapseTemplateWhitespace(), manglePrivateMembers('src'), terserPass()],
  define: { __OCMF_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    outDir: entry ? 'dist/size' : 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: !entry,
    rolldownOptions: {
      input: entry ? `src/elements/${entry}/define.ts` : 'src/bundle.ts',
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        // V8's explicit compile hint: compile every function while the file streams in (off the
        // main thread) instead of lazily on its first call. The first render was paying ~40% of
        // its CPU for lazy compilation (gauge1 renderCpu 28 -> 17 ms, paired); load CPU unchanged.
        // https://v8.dev/blog/explicit-compile-hints — browsers without it read a comment.
        postBanner: '//# allFunctionsCalledOnLoad',
        entryFileNames: entry ? `${entry}.js` : 'ocmf-widgets.bundle.js',
        codeSplitting: false,
      },
    },
  },
});
