import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One graphql realm: test code must load the same CommonJS build that type-graphql and Apollo
// require, or schema objects from one fail `instanceof` checks in the other.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

/**
 * The API suite runs twice: once on SQLite, once on PostgreSQL (TEST_DATABASE_URL). Each test file
 * gets its own database cloned from a migrated template (test/setup-*.ts), so files never share rows.
 * SWC compiles the sources because esbuild emits no decorator metadata.
 */
export default defineConfig({
  plugins: [swc.vite({ tsconfigFile: './tsconfig.json' })],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    setupFiles: ['reflect-metadata'],
    // A DeprecationWarning fails the run (an uncaught error naming the test), in the test workers
    // and in every server a test spawns (they inherit the environment): deprecated behaviour goes
    // away in a later major version — pg 9 drops the queueing of a query sent while its client is
    // busy, which pg 8 only warns about — so nothing may rely on it.
    env: { NODE_OPTIONS: '--throw-deprecation' },
    projects: [
      {
        extends: true,
        // `*.pg.test.ts`: what only PostgreSQL has (a connection pool, LISTEN/NOTIFY between servers).
        test: { name: 'sqlite', env: { TEST_DB: 'sqlite' }, globalSetup: ['test/setup-sqlite.ts'], exclude: ['**/node_modules/**', '**/*.pg.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgres', env: { TEST_DB: 'postgres' }, globalSetup: ['test/setup-postgres.ts'] },
      },
    ],
  },
});
