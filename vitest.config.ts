import { defineConfig } from 'vitest/config';

// Suites: unit (pure), integration (real PostgreSQL: PGlite and a server), e2e (Debian's Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/helpers/requirePostgres.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/helpers/requireChromium.ts', 'test/helpers/requirePostgres.ts'],
        },
      },
    ],
  },
});
