import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** `widgets/widgets.css` (the room the portals reserve before they load) next to the loader, under a stable URL too. */
const reservedLayoutStylesheet: Plugin = {
  name: 'reserved-layout-stylesheet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'widgets.css', source: readFileSync('widgets/widgets.css', 'utf8') });
  },
};

/**
 * Builds the widget loader to `dist/widgets/widgets.js` (a stable URL for the script tag) and every
 * element into hashed chunks under `dist/widgets/chunks/`, which the BFF serves as immutable.
 * Library mode: no HTML entry and no module-preload helper in the loader.
 */
export default defineConfig({
  plugins: [reservedLayoutStylesheet],
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'widgets/loader.ts',
      formats: ['es'],
      fileName: () => 'widgets.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode keeps ES output readable; these files go straight to browsers, so minify fully.
        minify: true,
      },
    },
  },
});
