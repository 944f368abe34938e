import { defineConfig } from 'vitest/config';

// One suite for every engine: test/run.sh runs it once per DATABASE engine it can reach.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    // Generous: several tests start server processes and CLIs, and CI machines are shared.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
