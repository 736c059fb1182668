// Written by hand: `storybook init` cannot run here (TOOLCHAIN.md). Stories live in stories/.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [{ from: '../examples', to: '/examples' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    config.define = { ...(config.define ?? {}), __OCMF_VERSION__: JSON.stringify('storybook') };
    return config;
  },
};
export default config;
