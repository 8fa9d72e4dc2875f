import { defineConfig } from 'vitest/config';

/** Checks that read the built site in dist/ (ids, aliases, links, budgets) or run builds themselves. */
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    testTimeout: 240000,
    hookTimeout: 240000,
    fileParallelism: false,
    environment: 'node',
  },
});
