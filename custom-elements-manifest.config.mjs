/**
 * Custom Elements Manifest from the elements' JSDoc (`npm run analyze`). Written to dist/ (not committed);
 * Storybook regenerates it on every start and build and reads it for autodocs.
 */
/**
 * Keeps the events documented with `@event`; drops the unnamed duplicates the analyzer infers from
 * `dispatchEvent(new SomeEvent(…))`.
 */
function documentedEventsOnly() {
  return {
    name: 'documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
        }
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.test.ts', 'widgets/testing/**', 'widgets/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
  // Leave package.json alone: the manifest lives in dist/, which is not published or committed.
  packagejson: false,
  plugins: [documentedEventsOnly()],
};
