// Library build: one ESM file per public entry, dependencies left as imports so an app's
// bundler dedupes Lit, zod and d3 with its own. Declarations come from `tsc -p tsconfig.build.json`
// after this (vite empties dist/ first). The single-file bundle has its own config.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});

export default defineConfig({
  define: { __OCMF_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: 'src/index.ts',
        engine: 'src/engine/index.ts',
        scorecard: 'src/elements/scorecard/define.ts',
        'composite-gauge': 'src/elements/composite-gauge/define.ts',
        'driver-tree': 'src/elements/driver-tree/define.ts',
        'ttcv-timeline': 'src/elements/ttcv-timeline/define.ts',
      },
    },
    rolldownOptions: {
      external: (id: string) => deps.some((d) => id === d || id.startsWith(d + '/')),
    },
  },
});
