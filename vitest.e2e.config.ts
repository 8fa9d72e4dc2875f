import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium (Debian's /usr/bin/chromium) driven by playwright-core against a built dist/. */
export default defineConfig({
  test: {
    include: [process.env['E2E_INCLUDE'] ?? 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
    environment: 'node',
  },
});
