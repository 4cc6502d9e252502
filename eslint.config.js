import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'reports', 'test-results', 'e2e/.results', 'public/mockServiceWorker.js', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/{app,features,components,lib}/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // House rule 4: the SPA has one API client (src/lib/api-client.ts); nothing else fetches.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use apiRequest from src/lib/api-client.ts.' }],
    },
  },
  {
    files: ['src/lib/api-client.ts', 'src/**/*.test.{ts,tsx}', 'src/lib/testing/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
