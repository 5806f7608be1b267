/**
 * Custom Elements Manifest from the elements' JSDoc (`npm run analyze`). Written to dist/ (not committed);
 * Storybook regenerates it on every start and build and reads it for autodocs.
 */
/**
 * Keeps the public API in the manifest: events documented with `@event` (not the unnamed duplicates the
 * analyzer infers from `dispatchEvent(new SomeEvent(…))`) and no private or protected members.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
          if (declaration.members)
            declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public');
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
  plugins: [publicApiOnly()],
};
