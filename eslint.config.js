import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import { configs as lit } from 'eslint-plugin-lit';
import { configs as wc } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The classes our elements extend: eslint-plugin-lit and -wc recognise an element by its base class. */
const elementBaseClasses = ['LitElement', 'PortalElement', 'CaseFilingForm', 'SignInPortal'];

/** Tests and what only tests use (the HTTP test client, fakes, fixtures). */
const testFiles = ['**/*.test.ts', 'bff/test/**', 'bff/drill/**', 'bff/**/*-test-support.ts', 'widgets/testing/**'];

/** Where the BFF may issue SQL: repositories (`repository.ts`, `<topic>-repository.ts`) and the data layer. */
const sqlPlaces = ['bff/**/repository.ts', 'bff/**/*-repository.ts', 'bff/db/**', 'bff/bench/**', 'bff/drill/**', 'bff/isolation/**'];
/** The start of a statement, in the capitals the BFF writes SQL in (prose such as "Select a date" passes). */
const SQL_STATEMENT = String.raw`/\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/`;
const SQL_ONLY_IN_REPOSITORIES =
  "SQL only in repositories: move the statement into a function of the capability's repository.ts or <topic>-repository.ts that takes the caller's Queryable tx.";

export default defineConfig(
  globalIgnores(['dist/', 'storybook-static/', '.data/', 'node_modules/']),

  // ── Everything: ESLint's and typescript-eslint's recommended rules, with type information from the
  // TypeScript projects that tsconfig.json references (tsconfig.node.json, tsconfig.browser.json).
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test reports a failing test itself; the promise it returns is only for nesting.
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
            // Chai's `equal` is synchronous; @open-wc/semantic-dom-diff types every `equal` as a promise for its `.dom` form.
            { from: 'package', package: 'chai', name: 'Equal' },
          ],
        },
      ],
      // The same convention as TypeScript's noUnusedParameters: a leading `_` marks a parameter kept for its
      // position (Express knows an error handler by its four parameters); `{ [key]: _, ...rest }` omits a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: an `async` function without `await` is how a synchronous implementation fulfils a Promise-returning
      // interface (a Mailer, a route handler); the promise mistakes that matter are no-floating-promises' and
      // no-misused-promises' to find.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Plain JavaScript (configuration files, the demo site's script) is in no TypeScript project.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // The story check drives Chromium from Node; the functions it hands to the page run in the browser.
  {
    files: ['.storybook/test-stories.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // ── Browser code: the widgets with their tests, the stories, Storybook's preview, the demo site.
  {
    files: ['widgets/**', 'stories/**', '.storybook/preview.ts', 'demo-site/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      // Node's globals come along with some test libraries' types; browser code must not use them.
      'no-restricted-globals': ['error', 'process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename'],
    },
  },
  {
    files: ['widgets/**/*.ts', 'stories/**/*.ts'],
    extends: [lit['flat/recommended'], wc['flat/best-practice']],
    settings: { lit: { elementBaseClasses }, wc: { elementBaseClasses } },
    rules: {
      // Beyond the recommended sets, the Lit rules that catch real mistakes and already pass.
      'lit/lifecycle-super': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/value-after-constraints': 'error',
      // Off: LitElement always defines the lifecycle callbacks, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
      // Off: Lit calls a listener bound in a template (`@click=${this.onClick}`) with the element as `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Elements keep their styles in `static styles`; a story renders a template and has no element to hold them.
    files: ['widgets/**/*.ts'],
    rules: { 'lit/prefer-static-styles': 'error' },
  },

  // ── Node code: the BFF, build, Storybook and test-runner configuration.
  {
    files: ['bff/**', '*.{js,mjs,cjs,ts}', '.storybook/main.ts'],
    languageOptions: { globals: globals.node },
  },
  // ── BFF architecture: SQL only in repositories (routes → use cases → repositories, docs/architecture.md),
  // proven by bff/lint.test.ts. Left out: the data layer itself, the benchmarks and the tests, which set up
  // and inspect data with SQL. Import cycles are dependency-cruiser's (.dependency-cruiser.cjs, also in `npm run lint`).
  {
    files: ['bff/**/*.ts'],
    ignores: [...testFiles, ...sqlPlaces],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='query']", message: SQL_ONLY_IN_REPOSITORIES },
        // SQL text anywhere else, e.g. handed to a helper; a query call's own statement is reported once, above.
        {
          selector: `:matches(TemplateLiteral:has(> TemplateElement[value.raw=${SQL_STATEMENT}]), Literal[value=${SQL_STATEMENT}]):not(CallExpression[callee.property.name='query'] > *)`,
          message: SQL_ONLY_IN_REPOSITORIES,
        },
      ],
    },
  },

  // ── Tests: the test client and the fakes read JSON answers as `any` on purpose; the assertions check them.
  {
    files: testFiles,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['widgets/**/*.test.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },

  // Last: turn off every rule that is Prettier's business.
  prettier,
);
