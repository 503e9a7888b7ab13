// Lint rules, including the architecture: dependencies point inward
// (web → common; http → domain, policy, common; domain → policy, storage, common; storage → common).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noHttp = { group: ['**/http/**', '**/http/*'], message: 'Nothing imports the HTTP layer.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Never eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never new Function.' },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'common/ runs in the browser too.' }, { group: ['**/server/**', '**/web/**'], message: 'common/ depends on nothing of ours.' }] },
      ],
    },
  },
  {
    // The browser app: React's rules of hooks, and only `common/` of ours may be imported.
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'web/ runs in the browser.' }, { group: ['**/server/**', '**/test/**', '**/e2e/**'], message: 'web depends only on common.' }] },
      ],
    },
  },
  {
    files: ['server/domain/**/*.ts', 'server/policy/**/*.ts', 'server/mail/**/*.ts', 'server/infra/**/*.ts', 'server/files/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noHttp] }] },
  },
  {
    files: ['server/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noHttp,
            { group: ['**/domain/**'], message: 'storage depends only on common (and policy types).' },
            { group: ['**/policy/**'], allowTypeImports: true, message: 'storage may only import policy types (Scope).' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/config.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only server/config.ts reads the environment.' }],
    },
  },
);
