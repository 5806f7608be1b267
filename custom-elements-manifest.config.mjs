import { readFileSync } from 'node:fs';

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

/** Lit's `@state()` fields are an element's own render state, never its API, even where TypeScript lets others read them. */
function withoutReactiveState() {
  return {
    name: 'without-reactive-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node)) return;
      const declaration = moduleDoc.declarations?.find((candidate) => candidate.name === node.name?.getText());
      const stateFields = node.members
        .filter((member) => ts.getDecorators(member)?.some((decorator) => /^state\(/.test(decorator.expression.getText())))
        .map((member) => member.name.getText());
      if (declaration?.members) declaration.members = declaration.members.filter((member) => !stateFields.includes(member.name));
    },
  };
}

/**
 * Each `--mp-*` custom property's default is the fallback the styles give it (`var(--mp-radius, 6px)`), so
 * the docs show the value an element really uses without a second copy in every element's JSDoc.
 */
function cssPropertyDefaults() {
  return {
    name: 'css-property-defaults',
    packageLinkPhase({ customElementsManifest }) {
      const defaults = new Map();
      for (const module of customElementsManifest.modules) {
        for (const [, name, fallback] of readFileSync(module.path, 'utf8').matchAll(/var\((--mp-[a-z0-9-]+),\s*([^;]+?)\)\s*;/g)) {
          if (defaults.has(name) && defaults.get(name) !== fallback)
            throw new Error(`${name} falls back to “${defaults.get(name)}” and to “${fallback}” (${module.path}): one default, please`);
          defaults.set(name, fallback);
        }
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const property of declaration.cssProperties ?? []) property.default ??= defaults.get(property.name);
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
  plugins: [withoutReactiveState(), publicApiOnly(), cssPropertyDefaults()],
};
