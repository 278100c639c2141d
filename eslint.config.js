// ESLint (flat config): typescript-eslint, react-hooks, jsx-a11y, and the layers of ARCHITECTURE.md written as
// import rules, so an import the wrong way fails `npm run lint` (and so `npm test` and CI).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom. Each layer lists the folders of src/ it must NOT import (ARCHITECTURE.md has the
 * picture). Tests follow the same rules, except that they may drive the emulator and the server.
 */
const FORBIDDEN = {
  cloudhsm: ['pki', 'aws', 'ui', 'features', 'app', 'server', 'emulator', 'node'],
  pki: ['cloudhsm', 'aws', 'ui', 'features', 'app', 'server', 'emulator', 'node'],
  ui: ['pki', 'aws', 'features', 'app', 'server', 'emulator', 'node'],
  aws: ['ui', 'features', 'app', 'server', 'emulator', 'node'],
  features: ['app', 'server', 'emulator', 'node'],
  app: ['server', 'emulator', 'node'],
  emulator: ['aws', 'ui', 'features', 'app', 'server'],
  server: ['aws', 'ui', 'features', 'app'],
  // Node plumbing both local servers share (HTTP bodies, CLI flags): it knows nothing of the project.
  node: ['cloudhsm', 'pki', 'aws', 'ui', 'features', 'app', 'server', 'emulator'],
};

const zones = Object.entries(FORBIDDEN).flatMap(([layer, folders]) =>
  folders.map((folder) => ({
    target: `./src/${layer}`,
    from: `./src/${folder}`,
    message: `src/${layer} may not import src/${folder} (ARCHITECTURE.md, "Who may import whom").`,
  })),
);

/** The server reaches the emulator only through its embedded backend (these files; tests may drive it too). */
const SERVER_EMULATOR_DOORS = ['src/server/emulator/backend.ts', 'src/server/emulator/flags.ts'];
const serverZone = {
  target: './src/server',
  from: './src/emulator',
  except: [],
  message: `Only the embedded backend (${SERVER_EMULATOR_DOORS.join(', ')}) may import the emulator.`,
};
/** The emulator's core stays isomorphic: only its Node adapters (node/) use the shared Node plumbing. */
const emulatorCoreZone = {
  target: './src/emulator',
  from: './src/node',
  message: 'The emulator core runs anywhere: only src/emulator/node/ may import src/node.',
};

const restrictedPackages = (...groups) => ['error', { patterns: groups }];
const X509 = {
  group: ['@peculiar/x509', '@peculiar/x509/*', 'reflect-metadata'],
  message: 'Only src/pki reads certificates: import it from src/pki.',
};
const SDK = {
  group: ['@aws-sdk/client-cloudhsm-v2', '@aws-sdk/client-cloudhsm-v2/*'],
  message: 'Only src/aws knows the CloudHSM SDK: use its hooks and types.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // One import style: relative imports carry no .ts/.tsx suffix.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^\\.{1,2}\\/.*\\.tsx?$/]',
          message: 'Import relative modules without the .ts/.tsx suffix.',
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/pki/**'],
    rules: { 'no-restricted-imports': restrictedPackages(X509) },
  },
  {
    files: ['src/{cloudhsm,ui,features,app,server}/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/testing/**'],
    rules: { 'no-restricted-imports': restrictedPackages(X509, SDK) },
  },
  // src/pki is where X.509 is read; it knows nothing of the CloudHSM SDK, its tests included.
  { files: ['src/pki/**/*.ts'], rules: { 'no-restricted-imports': restrictedPackages(SDK) } },
  {
    files: ['src/server/**/*.ts'],
    ignores: [...SERVER_EMULATOR_DOORS, 'src/server/**/*.test.ts', 'src/server/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...zones, serverZone] }] },
  },
  {
    files: ['src/emulator/**/*.ts'],
    ignores: ['src/emulator/node/**', 'src/emulator/**/*.test.ts', 'src/emulator/test/**', 'src/emulator/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...zones, emulatorCoreZone] }] },
  },
  // Tests and their harnesses (testing/ folders) may drive the server and the emulator; nothing else may
  // import a harness, since production code under the same layer rules never names testing/.
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/**/testing/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: zones.filter((zone) => !['./src/server', './src/emulator', './src/node'].includes(zone.from)) },
      ],
    },
  },
  // Hooks live in the browser's layers (the emulator's tests have `use…` helpers that are not React hooks).
  {
    files: ['src/{aws,ui,features,app}/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only a warning for the React Compiler, which this project does not run (TanStack Virtual's API is the case).
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  // Type-aware rules where they pay: a promise nobody awaits loses its error (server, data layer, emulator).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  prettier,
);
