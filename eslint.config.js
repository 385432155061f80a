// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** A layer may not import these (regexes on the import path); see docs/architecture.md, "Import direction". */
const forbid = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });
const layer = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const repositories = forbid(
  '(^|/)db/repositories/',
  'Routes, jobs and the CLI reach repositories only through a service (src/services).',
  true,
);
const pureOnly = forbid(
  '^(?!\\.\\.?/|\\.\\./(domain|matching)/)|(^|/)(db|services|http|jobs|cli|tills)/',
  'domain/ and matching/ are pure: they import only each other, no package, no I/O.',
);

/** The import directions, as lint rules: `npm run check` fails on a breach (test/unit/layers.test.ts). */
const layers = [
  layer(['src/http/**', 'src/jobs/**', 'src/cli/**'], repositories),
  layer(
    ['src/services/**'],
    forbid(
      '(^|/)(jobs|http|cli)/',
      'Services never import jobs, http or cli: declare the interface they need.',
    ),
    forbid(
      '(^|/)db/transaction(\\.ts)?$',
      'Services never open a transaction: the route, job or CLI command does (inTransaction).',
    ),
  ),
  layer(['src/domain/**', 'src/matching/**'], pureOnly),
  layer(
    ['src/db/**', 'src/tills/**'],
    forbid(
      '(^|/)(services|http|jobs|cli)/',
      'db/ and tills/ sit below the services: they never import them.',
    ),
  ),
  layer(
    ['web/src/**'],
    forbid(
      '(^|/)src/(?!domain/|http/contract\\.ts$)',
      'The web app imports from the server only the contract (types) and the pure domain.',
    ),
    forbid('(^|/)src/http/contract\\.ts$', 'Import only types from the contract: `import type`.', true),
  ),
];

/** Services take a Db that may be a transaction and never open one (the import rule above covers inTransaction). */
const noTransactionInServices = {
  files: ['src/services/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.property.name='transaction']",
        message: 'Services never open a transaction: the route, job or CLI command does (inTransaction).',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'coverage', 'bin', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Fastify plugins and route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...layers,
  noTransactionInServices,
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
