import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
          // Database tests create their own domain (and, on PostgreSQL, their own schema per
          // file), so files may run in parallel.
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          // The built app in Chromium (e2e/support): built once before any file starts.
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          // After the rest of the suite, so a browser per file does not compete with it for
          // the machine's cores; the files themselves may still run side by side.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
