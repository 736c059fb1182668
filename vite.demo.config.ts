// `npm start`: the demo pages, served from the sources (demo/ is the root; examples/ is served too).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  publicDir: fileURLToPath(new URL('./examples', import.meta.url)),
  define: { __OCMF_VERSION__: JSON.stringify('demo') },
  server: { host: '127.0.0.1', port: 5173, open: false, fs: { allow: ['..'] } },
  build: { outDir: fileURLToPath(new URL('./dist-demo', import.meta.url)), emptyOutDir: true },
});
