/**
 * ESLint: JavaScript's and typescript-eslint's recommended rules, React's hooks rules for the
 * admin components, and nothing Prettier decides (it formats; `npm run format`).
 */
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // Written by tools (checked by npm run check:generated), or not source.
  { ignores: ['.next/', 'node_modules/', '.data/', 'media/', 'payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'migrations/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The rules of hooks; the React Compiler's stricter rules are not taken (the admin does not compile with it).
    files: ['**/*.tsx', '**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read answers of every shape.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An unused name is a leftover; a leading underscore says it is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  prettier,
)
