/**
 * Import rules of the BFF and the widgets, checked by `npm run lint` (part of `npm test`):
 * no module imports itself back through others, and no capability folder of bff/ depends on another that
 * depends on it again (e.g. cases ↔ case-backend-http). Widgets use the contract as types or plain constants.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that reaches itself again through its imports: move the shared part out, or invert the dependency.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-capability-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'Two folders that import each other: a capability depends on another, never the other way round too.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'widgets-only-use-the-contract-of-the-bff',
      severity: 'error',
      comment: 'Widgets run in the browser: of the BFF they may import the contract only (zod schemas as types only).',
      from: { path: '^widgets/', pathNot: '^widgets/testing/|[.]test[.]ts$' },
      to: { path: '^bff/', pathNot: '^bff/contract/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests and test support reach across everything on purpose; the rules are about the product's code.
    exclude: { path: '(^|/)node_modules/|^dist/|[.]test[.]ts$|-test-support[.]ts$|^bff/test/|^bff/bench/|^widgets/testing/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
