import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** The suites whose apps touch the database: run again on PostgreSQL by the `postgresql` project. */
const ON_POSTGRES = ['test/graphql/**/*.test.ts', 'test/subscriptions/**/*.test.ts', 'test/client/**/*.test.ts', 'test/http/**/*.test.ts'];

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build (the package has no "exports" map), while Vite
  // would pick the `module` build: two copies of graphql in one process. Pin Vite to Node's choice.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      // The same suites on PostgreSQL: each test app gets a fresh database (test/helpers/test-app.ts).
      { extends: true, test: { name: 'postgresql', include: ON_POSTGRES, env: { SWITCHYARD_TEST_ENGINE: 'postgresql' } } },
    ],
  },
});
