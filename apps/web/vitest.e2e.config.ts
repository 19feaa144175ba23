import { defineConfig } from 'vitest/config';

// Browser tests start the real built server and Chromium; files run one at a time
// so they never compete for CPU or ports.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    setupFiles: ['e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
