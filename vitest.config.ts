import { defineConfig } from 'vitest/config';

// One suite for every engine: test/run.sh runs it once per DATABASE engine it can reach.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
