import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a layer must never reach for, with the reason shown in the lint message. */
const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
/** Domain folders: none of them may import http/. */
const DOMAIN_FOLDERS = [
  'drops',
  'sales',
  'links',
  'hub',
  'obs',
  'overlays',
  'clicks',
  'ledger',
  'chat',
  'relay',
  'devices',
  'store',
];
const ELECTRON = [
  {
    name: 'electron',
    message: 'The core is plain Node: it must run headless (npm run serve) without Electron.',
  },
];

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'release/**',
      'test-results/**',
      '.tmp/**',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked with the tsconfig project that owns it (node, web or shared).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },

  // Plain JS (this file, scripts/*.mjs) and its hand-written .d.mts belong to no tsconfig: lint them
  // without type information.
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**/*.d.mts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'bench/**', '*.config.{ts,js,mjs}'],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict(
        [
          ...ELECTRON.map((p) => ({
            ...p,
            message: 'The renderer also runs in plain browsers; use window.dropdeck.',
          })),
          { name: 'better-sqlite3', message: 'The renderer talks to the core over HTTP and the hub.' },
        ],
        [
          {
            group: ['node:*'],
            message: 'The renderer runs in browsers and a sandboxed window: no Node APIs.',
          },
        ],
      ),
    },
  },

  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...ELECTRON.map((p) => ({
            ...p,
            message: 'shared/ is loaded by the core, preload and browsers alike.',
          })),
          {
            name: 'better-sqlite3',
            message: 'shared/ holds contracts only; storage lives in electron/core.',
          },
          { name: 'react-dom', message: 'shared/ holds contracts only; UI lives in renderer/.' },
        ],
        [
          {
            group: ['node:*', 'electron/*'],
            message: 'shared/ must run in browsers and sandboxed preloads.',
          },
        ],
      ),
    },
  },

  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, [{ group: ['electron/*'], message: ELECTRON[0].message }]),
    },
  },

  // The domain never reaches for its transport: errors, principals and commands come from domain files
  // and shared/, and only http/ knows about statuses, headers and routes.
  {
    files: [`electron/core/{${DOMAIN_FOLDERS.join(',')}}/**`],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, [
        { group: ['electron/*'], message: ELECTRON[0].message },
        { group: ['**/http/*', '**/http'], message: 'Domain code must not import the HTTP layer.' },
      ]),
    },
  },
);
