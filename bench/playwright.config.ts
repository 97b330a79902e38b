import { defineConfig } from '@playwright/test';

// `npm run bench` only (bench/run.mjs). Playwright's runner is used because it runs TypeScript with no extra
// dependency; the bench is a single long "test" that launches its own browsers (bench/browser.ts).
export default defineConfig({
  testDir: '.',
  testMatch: ['suite.pw.ts', 'popup.pw.ts'],
  workers: 1, // two cores: anything running beside the bench is noise in its numbers
  retries: 0,
  timeout: 0, // the bench has its own timeouts (bench/config.ts)
  reporter: [['list']],
  reportSlowTests: null, // the bench is slow on purpose
  outputDir: '../test-results/bench',
});
