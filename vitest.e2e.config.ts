import { defineConfig } from 'vitest/config';

/** Browser journeys: the real server and the built web app, in real Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    // The test harness reads the migrated template database this provides.
    globalSetup: ['test/global-setup.ts'],
    // A long journey takes about 100 s on a busy two-core machine with two files side by side.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Each journey file starts its own server and browser: two run side by side.
    maxWorkers: 2,
  },
});
