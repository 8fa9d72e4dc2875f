import { defineConfig } from 'vitest/config';

/** Checks that read the built site in dist/ (ids, aliases, links, budgets) or run builds themselves. */
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    // Under a subpath only the checks that read dist/ run again; the build-failure tests need one run.
    exclude: process.env['E2E_BASE'] && process.env['E2E_BASE'] !== '/' ? ['tests/build/schema.test.ts'] : [],
    testTimeout: 240000,
    hookTimeout: 240000,
    fileParallelism: false,
    environment: 'node',
  },
});
