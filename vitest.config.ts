import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          // DuckDB starts in a shared setup hook: seconds on an idle machine, far more on a busy one.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A poll waits for what the screen should show, not for a time: on a loaded machine (CI runs Chromium
          // on two shared cores) one second, vitest's default, is sometimes too short.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
