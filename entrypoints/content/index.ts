import { browser } from 'wxt/browser';
import './highlights.css';
import highlightStyles from './highlights.css?inline';
import { cssHighlightSink, type HighlightSink } from '@/lib/content/highlighter';
import { PageScanner, type PageScan } from '@/lib/content/page-scanner';
import { loadTermIndex } from '@/lib/content/term-index-cache';
import { yieldToPage } from '@/lib/content/time-slicer';
import { compileMatcher, type Matcher } from '@/lib/matcher/matcher';
import { createContentRouter } from '@/lib/messaging/content-router';
import { isSiteDisabled, setSiteDisabled, siteOf, watchSite } from '@/lib/settings/disabled-sites';
import { DEFAULT_SETTINGS, highlightKindOf, loadSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { startHoverCards, type HoverCards } from './hover-cards';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  // WXT announces every start to the page with window.postMessage (the page learns our id); not needed.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT invalidates this context when `document` receives a "content script started" event carrying our
    // (public) id, meant for a newer copy of this script after an update. A page can dispatch that event
    // too, so we stop only when the extension context is really gone (runtime.id is then undefined).
    const reallyGone = () => {
      try {
        return browser.runtime?.id == null;
      } catch {
        return true;
      }
    };
    const onGone = (cleanup: () => void) => ctx.onInvalidated(() => reallyGone() && cleanup());
    // A frame whose parent is same-origin is read by the parent's scanner (its counts then add up in one
    // place); only frames we cannot reach from above read themselves.
    if (window !== window.top && readableFromParent()) return;
    const isTop = window === window.top;
    const site = siteOf(location.href) ?? location.hostname;

    let scanner: PageScanner | null = null;
    let settings: Settings = DEFAULT_SETTINGS;
    let highlights: HighlightSink | null = null;
    const applyLook = () =>
      highlights?.configure(settings.highlightStyle, (kind) => settings.highlightKinds.includes(highlightKindOf(kind)));
    let cards: HoverCards | null = null;
    let matcher: Matcher | null = null;
    const idleEmpty: PageScan = {
      snapshot: () => ({ status: 'idle', stats: { textNodes: 0, chars: 0, scanMs: 0 }, entities: [] }),
      idle: () => Promise.resolve(),
    };
    const loading: PageScan = { ...idleEmpty, snapshot: () => ({ ...idleEmpty.snapshot(), status: 'scanning' }) };
    let disabled = false;
    // Off here when the reader switched off this site or everything.
    const off = () => disabled || !settings.enabled;
    const withSite = (scan: PageScan): PageScan => ({
      idle: () => scan.idle(),
      snapshot: () => ({ ...scan.snapshot(), site, disabled: off() }),
    });

    if (isTop) {
      // Only the top frame answers: with several frames answering, the first would win at random.
      const onMessage = createContentRouter(browser.runtime.id, () => withSite(scanner ?? (off() ? idleEmpty : loading)), {
        openMentionsList: () => cards?.openMentionsList() ?? false,
        revealMention: (entityId) => cards?.revealMention(entityId) ?? false,
      });
      browser.runtime.onMessage.addListener(onMessage);
      onGone(() => browser.runtime.onMessage.removeListener(onMessage));
    }

    const start = async () => {
      // This script never opens IndexedDB: here it would be the page's database. The term index comes
      // from the extension's storage or the background.
      if (!matcher) {
        matcher = compileMatcher(await loadTermIndex());
        // Compiling takes ~15 ms: give the page its turn before the first scan slice, so the two never make
        // one long task together.
        await yieldToPage();
      }
      if (reallyGone() || off() || scanner) return;
      highlights = cssHighlightSink(highlightStyles);
      applyLook();
      scanner = new PageScanner({ matcher, highlights, extraContext: () => document.title });
      scanner.start(document.body ?? document.documentElement, elementInView());
      cards = startHoverCards(scanner, site, () => void setSiteDisabled(site, true), () => settings);
    };
    const stop = () => {
      cards?.stop();
      scanner?.stop();
      cards = null;
      scanner = null;
    };

    const follow = () => (off() ? stop() : void start());
    // Both reads at once: they are the only thing between injection and the first scan.
    [settings, disabled] = await Promise.all([
      loadSettings().catch(() => DEFAULT_SETTINGS),
      isSiteDisabled(site).catch(() => false),
    ]);
    const unwatchSettings = watchSettings((next) => {
      settings = next;
      applyLook();
      follow();
    });
    const unwatch = watchSite(site, (nowDisabled) => {
      disabled = nowDisabled;
      follow();
    });
    onGone(() => {
      unwatch();
      unwatchSettings();
      stop();
    });
    if (!off()) await start();
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
