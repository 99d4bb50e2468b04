import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: ['test/contract/consumers/**', 'test/chaos/**', '**/node_modules/**'],
        },
      },
      {
        // Consumer tests share one Prism per downstream spec, started once for the run.
        extends: true,
        test: {
          name: 'consumers',
          include: ['test/contract/consumers/**/*.test.ts'],
          globalSetup: ['test/contract/consumers/prism-global-setup.ts'],
        },
      },
      {
        // The chaos suite measures timing: scripts/run-tests.js runs it on its own, one file at a time.
        extends: true,
        test: { name: 'chaos', include: ['test/chaos/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
