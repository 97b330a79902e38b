import { browser } from 'wxt/browser';
import './highlights.css';
import highlightStyles from './highlights.css?inline';
import { cssHighlightSink } from '@/lib/content/highlighter';
import { PageScanner, type PageScan } from '@/lib/content/page-scanner';
import { loadTermIndex } from '@/lib/content/term-index-cache';
import { compileMatcher } from '@/lib/matcher/matcher';
import { createContentRouter } from '@/lib/messaging/content-router';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // A frame whose parent is same-origin is read by the parent's scanner (its counts then add up in one
    // place); only frames we cannot reach from above read themselves.
    if (window !== window.top && readableFromParent()) return;
    const isTop = window === window.top;

    let scanner: PageScanner | null = null;
    const notReady: PageScan = {
      snapshot: () => ({ status: 'scanning', stats: { textNodes: 0, chars: 0, scanMs: 0 }, entities: [] }),
      idle: () => Promise.resolve(),
    };
    if (isTop) {
      // Only the top frame answers page-entities: with several answering, the first would win at random.
      const onMessage = createContentRouter(browser.runtime.id, () => scanner ?? notReady);
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    }

    // This script never opens IndexedDB: here it would be the page's database. The index comes from the
    // extension's storage or the background.
    const index = await loadTermIndex();
    if (ctx.isInvalid) return;
    scanner = new PageScanner({
      matcher: compileMatcher(index),
      highlights: cssHighlightSink(highlightStyles),
      extraContext: () => document.title,
    });
    scanner.start(document.body ?? document.documentElement, elementInView());
    ctx.onInvalidated(() => scanner?.stop());
  },
});

function readableFromParent(): boolean {
  try {
    return window.frameElement !== null;
  } catch {
    return false;
  }
}

/** Where the reader is looking: the element at the top middle of the viewport (the page may be scrolled). */
function elementInView(): Element | null {
  if (window.scrollY < 50) return null; // at the top, document order is viewport order
  return document.elementFromPoint(window.innerWidth / 2, Math.min(80, window.innerHeight / 4));
}
