// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The web's layers (docs/architecture.md): `app` composes features; a feature owns its pages and may use
 * another feature's data layer (`features/<domain>/api`) but nothing else of it; `shared` knows no feature.
 */
const webBoundaries = {
  files: ['apps/web/src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'boundaries/include': ['apps/web/src/**/*'],
    'boundaries/elements': [
      { type: 'app', pattern: 'apps/web/src/app' },
      { type: 'feature-api', pattern: 'apps/web/src/features/*/api', capture: ['feature'] },
      { type: 'feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
      { type: 'shared', pattern: 'apps/web/src/shared' },
      { type: 'test-setup', pattern: 'apps/web/src/test' },
    ],
    // Tests and their fixtures (*.fixture.ts[x]: fakes and render helpers shared by a feature's tests).
    'boundaries/files': [{ category: 'test', pattern: 'apps/web/src/**/*.{test,fixture}.{ts,tsx}' }],
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message:
          '{{ from.element.type }} may not import {{ to.element.type }} ({{ to.element.path }}): see docs/architecture.md, "Layers of the web"',
        policies: [
          {
            from: { element: { type: 'app' } },
            allow: { to: { element: { types: { anyOf: ['app', 'feature', 'feature-api', 'shared'] } } } },
          },
          {
            from: { element: { type: 'feature' } },
            allow: [
              { to: { element: { types: { anyOf: ['feature-api', 'shared'] } } } },
              {
                to: {
                  element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } },
                },
              },
            ],
          },
          {
            from: { element: { type: 'feature-api' } },
            allow: { to: { element: { types: { anyOf: ['feature-api', 'shared'] } } } },
          },
          { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
          {
            from: { element: { type: 'test-setup' } },
            allow: { to: { element: { types: { anyOf: ['shared', 'test-setup'] } } } },
          },
          // Tests use the one fake BFF and render helper of src/test.
          { from: { file: { categories: 'test' } }, allow: { to: { element: { type: 'test-setup' } } } },
        ],
      },
    ],
    // The browser gets the contract's browser entry: the root one carries Node-only transport code.
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@gaussdb-console/api-client',
            message: "Import '@gaussdb-console/api-client/browser' in the web.",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'docs/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  webBoundaries,
);
