import { defineConfig } from 'vitest/config';

// Unit tests of pure modules; jsdom is deliberately not installed, so they run in node.
// Browser behaviour is covered by the e2e suite against the real server.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
