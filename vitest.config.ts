import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // The end-to-end suites share one built site and one browser; run files one at a time (2 cores).
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
  },
});
