import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * shared/ is the "std" world: both processes run it, so it may import only itself, zod and the
 * pure checkers jsvat (VAT check digits) and ibantools (IBAN/BIC), and @fragaria/address-formatter
 * (postal address layout: templates and mustache), and temporal-polyfill (time zones and DST by
 * the Temporal API), which use no Node or DOM API.
 * Its tests may also import vitest and fast-check.
 */
const SHARED_PACKAGES = ['zod', 'jsvat', 'ibantools', '@fragaria/address-formatter', 'temporal-polyfill'];
const sharedImports = (packages) => ({
  patterns: [
    { regex: `^(?!\\.|(${packages.join('|')})(/|$))`, message: `shared/ may import only itself and ${packages.join(', ')}.` },
    { group: ['node:*', 'electron', 'electron/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'react', 'react/*', 'react-dom', 'react-dom/*', '@mantine/*', 'zustand', 'pdfkit'], message: 'shared/ must not depend on Node, the DOM, Electron, drizzle or React.' },
    { group: ['**/db/*', '**/electron/*', '**/renderer/*', '**/db', '**/electron', '**/renderer'], message: 'shared/ must not import from other layers.' },
  ],
  paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'buffer', 'util', 'stream'].map((name) => ({ name, message: 'shared/ must not use Node built-ins.' })),
});

const rendererLayer = { group: ['**/db/*', '**/electron/*', 'node:*', 'electron', 'better-sqlite3', 'drizzle-orm'], message: 'The renderer talks to main only through the typed API client.' };
const onScreenFormats = {
  group: ['**/shared/money/money', '**/shared/contracts/effective-rate'],
  importNames: ['formatMoney', 'formatAmount', 'describeRate'],
  message: 'Use renderer/src/components/format.ts: on screen, amounts follow the display locale.',
};
const noElectron = { name: 'electron', message: 'Only electron/main/shell, electron/main/index.ts and the preload may import Electron.' };

/** Layers point one way: shell → api → services (electron/main/<domain>/) → db/ → shared/. */
const servicesLayer = {
  paths: [noElectron],
  patterns: [
    { group: ['**/main/api', '**/main/api/*', './api', './api/*', '../api', '../api/*', '**/main/shell', '**/main/shell/*', './shell', './shell/*', '../shell', '../shell/*', '**/electron/host', '**/electron/host/*'], message: 'Services must not import the api, shell or host layers above them; raise an AppError from electron/main/errors.ts instead.' },
    { group: ['**/renderer', '**/renderer/*'], message: 'Main-process code must not import the renderer.' },
  ],
};
const dbLayer = {
  paths: [noElectron],
  patterns: [{ group: ['**/electron', '**/electron/*', '**/renderer', '**/renderer/*'], message: 'db/ is below the main process: it may import only shared/, drizzle and better-sqlite3.' }],
};
const apiLayer = {
  paths: [noElectron],
  patterns: [{ group: ['**/main/shell', '**/main/shell/*', '../shell', '../shell/*', '**/electron/host', '**/electron/host/*', '**/renderer', '**/renderer/*'], message: 'The api layer must not import the shell, the host or the renderer above it.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  { files: ['db/**/*.ts'], rules: { 'no-restricted-imports': ['error', dbLayer] } },
  { files: ['electron/main/api/**/*.ts'], rules: { 'no-restricted-imports': ['error', apiLayer] } },
  {
    files: ['electron/main/*.ts', 'electron/main/*/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/api/**', 'electron/main/shell/**'],
    rules: { 'no-restricted-imports': ['error', servicesLayer] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', sharedImports(SHARED_PACKAGES)], 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'localStorage', 'navigator'] },
  },
  { files: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', sharedImports([...SHARED_PACKAGES, 'vitest', 'fast-check'])] } },
  {
    files: ['electron/main/shell/**/*.ts', 'electron/main/index.ts', 'electron/preload/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Playwright reads a test's fixtures from its destructured first parameter, even when empty.
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [rendererLayer, onScreenFormats] }],
    },
  },
  // The one place the renderer binds shared formatting to the display locale.
  { files: ['renderer/src/components/format.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [rendererLayer] }] } },
);
