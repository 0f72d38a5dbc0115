// ESLint flat config (ESLint 9).
//
// src/**/*.ts(x): ESLint's and typescript-eslint's recommended rules (not type-aware) plus the
// Office add-in rules of eslint-plugin-office-addins. webpack.config.js and scripts/: ESLint's
// recommended rules for Node (CommonJS).
//
// Why the office-addins rules are taken from the plugin's `recommended` config instead of spreading
// that config: v4 exports flat configs that also register its own nested copy of
// `@typescript-eslint` (8.8, clashing with typescript-eslint 8.x registered below: "Cannot redefine
// plugin"), set `ecmaVersion: 6`, and turn on `prettier/prettier` as an error, which this project
// does not use. Picking the `office-addins/*` entries keeps the plugin's own severities and follows
// the plugin when a release adds a rule.
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const officeAddinsRecommendedRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith('office-addins/')),
);

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'out/']),
  {
    name: 'progress-review/src',
    files: ['src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...officeAddinsRecommendedRules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Japanese text legitimately contains U+3000 (全角スペース) in strings, templates and comments;
      // it is still an error in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  {
    // Node build scripts (CommonJS). Globals listed by hand to avoid a dependency on `globals`.
    name: 'progress-review/node-scripts',
    files: ['webpack.config.js', 'scripts/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: Object.fromEntries(
        ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL'].map((g) => [g, 'readonly']),
      ),
    },
  },
]);
