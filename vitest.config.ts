import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database tests create their own domain (and, on PostgreSQL, their own schema per file),
    // so files may run in parallel.
    fileParallelism: true,
  },
});
