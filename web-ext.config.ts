import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens Debian's Chromium (never a downloaded browser) with the extension loaded.
export default defineWebExtConfig({
  binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium' },
  chromiumArgs: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
