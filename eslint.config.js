// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.helhet/**',
      '**/snapshot/**',
      '**/*.tmp.ts',
      '**/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // User text is never rendered as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is never rendered as HTML.',
        },
      ],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // React-free logic: what is here runs in Node (unit tests, workers) and never needs the
    // page, React or React Flow, so it stays testable without a DOM.
    files: ['packages/web/src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'core/ is React-free.' },
            { name: 'react-dom', message: 'core/ is React-free.' },
            { name: 'react-i18next', message: 'core/ is React-free; take a TFunction instead.' },
            { name: '@xyflow/react', message: 'core/ is free of React Flow.' },
            { name: '@hocuspocus/provider', message: 'core/ opens no connections.' },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*'], message: 'core/ is React-free.' },
            { group: ['@digdir/*'], message: 'core/ is free of UI components.' },
            { group: ['*.tsx'], message: 'core/ imports no components.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'sessionStorage',
          'location',
          'navigator',
          'history',
        ].map((name) => ({
          name,
          message: 'core/ does not touch the page; pass what it needs in.',
        })),
      ],
    },
  },
);
