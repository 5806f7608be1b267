/**
 * Custom Elements Manifest from the elements' JSDoc (`npm run analyze`). Written to dist/ (not committed);
 * Storybook regenerates it on every start and build and reads it for autodocs.
 */
export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.test.ts', 'widgets/testing/**', 'widgets/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
  // Leave package.json alone: the manifest lives in dist/, which is not published or committed.
  packagejson: false,
};
