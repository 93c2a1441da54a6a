// typescript-eslint for what only the TypeScript checker sees: promises nobody awaits or catches,
// and async functions passed where a caller ignores the result. Formatting and every other lint rule
// are Biome's (biome.jsonc): its own noFloatingPromises misses promises typed in node_modules.
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/gql/**', 'src/db/migrations/**', 'dist/**', 'bench/peer/**', 'scratch/**', '**/node_modules/**'] },
  {
    files: [
      'src/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'console/src/**/*.{ts,tsx}',
      'codegen.ts',
      'vitest.config.ts',
    ],
    languageOptions: {
      parser: tseslint.parser,
      // Each file is checked with its nearest tsconfig.json (console/ has its own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // React ignores what an event handler returns, and the console's async handlers await
    // useMutation's run(), which never rejects (it keeps the error in state).
    files: ['console/src/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
];
