import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Stops and starts the PostgreSQL server under every other test: only `npm run test:faults`.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.ACCORD_FAULTS === '1' ? [] : ['test/ops/pg-faults.test.ts']),
    ],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each worker loads the app's modules once for all its files: every file
    // still builds its own app on its own fresh database, and the modules keep
    // no state between apps but caches keyed by ids.
    isolate: false,
  },
});
