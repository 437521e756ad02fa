import { defineConfig } from 'vitest/config';

// Real browsers against the built extension: one file at a time (two cores, and each file runs
// its own browsers), generous timeouts for browser start-up and the content script's waits.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
