import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestModule = 'virtual:custom-elements-manifest';

/** The manifest is generated from the elements' JSDoc (custom-elements-manifest.config.mjs) on every start and build. */
function customElementsManifest(): string {
  const analyzer = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [analyzer, 'analyze'], { cwd: root, stdio: 'ignore' });
  return readFileSync(`${root}dist/custom-elements.json`, 'utf8');
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const manifest = customElementsManifest();
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        name: 'custom-elements-manifest',
        resolveId: (id: string) => (id === manifestModule ? `\0${manifestModule}` : undefined),
        load: (id: string) => (id === `\0${manifestModule}` ? `export default ${manifest};` : undefined),
      },
    ];
    return viteConfig;
  },
};

export default config;
