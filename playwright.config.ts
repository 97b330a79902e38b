import { defineConfig } from '@playwright/test';

// Real-browser tests run in Debian's Chromium with the built extension loaded (see tests/e2e/fixtures.ts).
// `npm run test:e2e` builds first; nothing here downloads a browser.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1, // each test starts its own browser; two cores do not gain from more
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
});
