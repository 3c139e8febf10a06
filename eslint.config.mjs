// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'web/src/gql/**',
      'test-results/**',
      'coverage/**',
      '.data/**',
      'data/**',
      'migrations/*.migration.ts',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        URL: 'readonly',
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Import direction: src never imports ingestion.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)ingestion(/|$)', message: 'src/ never imports ingestion/ (ingestion depends on src, not the reverse).' },
          ],
        },
      ],
    },
  },
  {
    // The calculation module is pure: nothing outside itself but the domain enums; no database, GraphQL or I/O.
    files: ['src/calculation/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!domain/)', message: 'src/calculation imports nothing outside itself (src/domain excepted).' },
            { regex: '^\\.\\./\\.\\.', message: 'src/calculation imports nothing outside itself.' },
            {
              regex: '^(typeorm|type-graphql|graphql|mysql2|dataloader|xlsx|express|pino|node:)',
              message: 'src/calculation is pure: no database, GraphQL or I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'No clock in src/calculation: dates are ISO strings passed in.' }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
