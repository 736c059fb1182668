// Browser tests: TypeScript compiled by esbuild (with our tsconfig, so legacy decorators work),
// run in Debian's headless Chromium. CHROME_PATH picks another Chrome/Chromium binary.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { testServerPlugin } from './test/server/plugin.mjs';
import { CHROMIUM_ARGS, chromiumPath as executablePath } from './scripts/chromium.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  // One page at a time: a background tab gets no requestAnimationFrame, and elements that wait for
  // a frame (layout after resize, windowed rows) stalled when two files ran side by side.
  concurrency: 1,
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      define: { __OCMF_VERSION__: '"test"' },
    }),
    testServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      ...(executablePath
        ? {
            launchOptions: {
              executablePath,
              headless: true,
              args: CHROMIUM_ARGS,
            },
          }
        : {}),
    }),
  ],
};
