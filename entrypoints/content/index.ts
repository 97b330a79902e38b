import { browser } from 'wxt/browser';
import { startPageScan, type PageScan } from '@/lib/content/page-scan';
import { createContentRouter } from '@/lib/messaging/content-router';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // This script never opens IndexedDB: here it would be the page's database. It asks the background.
    let scan: PageScan | null = null;
    const currentScan = () => (scan ??= startPageScan(document.body ?? document.documentElement));
    currentScan();
    const onMessage = createContentRouter(browser.runtime.id, currentScan);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
