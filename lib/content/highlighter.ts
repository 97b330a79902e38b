/**
 * Paints matches with the CSS Custom Highlight API: one named highlight per kind of entity, per document
 * (a same-origin iframe has its own registry). No element of the page is added or changed.
 * The styles are the `::highlight(icat-lens-<kind>)` rules of entrypoints/content/highlights.css, declared
 * in the manifest so they cost no style recalculation when added; shadow roots get them adopted.
 */

import { HIGHLIGHT_BATCH_MS } from '../constants';

export const HIGHLIGHT_PREFIX = 'icat-lens-';

/** How highlights look: each style has its own pre-declared ::highlight() rules (see highlights.css). */
export type HighlightLook = 'tint-underline' | 'underline' | 'tint';

/** The registry name for a kind in a look: 'icat-lens-agency', 'icat-lens-agency--underline', ... */
export function highlightName(kind: string, look: HighlightLook): string {
  return look === 'tint-underline' ? `${HIGHLIGHT_PREFIX}${kind}` : `${HIGHLIGHT_PREFIX}${kind}--${look}`;
}

const LOOKS: HighlightLook[] = ['tint-underline', 'underline', 'tint'];

export interface HighlightSink {
  add(range: AbstractRange, kind: string): void;
  delete(range: AbstractRange, kind: string): void;
  /** Makes the highlight styles apply inside a shadow root (document styles do not reach into it). */
  adoptStyles(root: ShadowRoot): void;
  /** Hands queued ranges to the browser now (the scan calls this when it goes idle). */
  flush(): void;
  /** Paints one range strongly for `ms` (the mention the reader asked to see). */
  emphasize(range: AbstractRange, ms: number): void;
  /** Changes the look, and which kinds are painted at all (ranges are kept: switching back is instant). */
  configure(look: HighlightLook, isPainted: (kind: string) => boolean): void;
  clear(): void;
}

export const EMPHASIS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}emphasis`;

type HighlightWindow = Window & { Highlight?: typeof Highlight; CSS: typeof CSS & { highlights?: HighlightRegistry } };

/** A sink over the CSS highlight registries, or null where the browser lacks the API. */
export function cssHighlightSink(styles: string): HighlightSink | null {
  if (typeof Highlight === 'undefined' || !(CSS as { highlights?: unknown }).highlights) return null;
  const perDocument = new Map<Document, Map<string, Highlight>>();
  const adopted = new WeakSet<ShadowRoot>();
  // Ranges found by a scan are handed to the browser in batches: every change to a registered highlight
  // makes the next frame repaint it, and on a long page a repaint per 8 ms slice cost hundreds of ms of
  // rendering (bench: 5 MB, frames up to 415 ms). The first batch goes at once (the part in view).
  let pending = new Map<Highlight, AbstractRange[]>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = -Infinity;
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    lastFlush = performance.now();
    const batch = pending;
    pending = new Map();
    for (const [highlight, ranges] of batch) for (const range of ranges) highlight.add(range);
  };
  const queue = (highlight: Highlight, range: AbstractRange) => {
    const list = pending.get(highlight);
    if (list) list.push(range);
    else pending.set(highlight, [range]);
    if (flushTimer) return;
    const wait = lastFlush + HIGHLIGHT_BATCH_MS - performance.now();
    if (wait <= 0) queueMicrotask(flush);
    else flushTimer = setTimeout(flush, wait);
  };
  let look: HighlightLook = 'tint-underline';
  let isPainted: (kind: string) => boolean = () => true;

  /** Puts a kind's highlight in its registry under the current look's name, or out of it. */
  const register = (registry: HighlightRegistry, kind: string, highlight: Highlight) => {
    for (const l of LOOKS) if (registry.get(highlightName(kind, l)) === highlight) registry.delete(highlightName(kind, l));
    if (isPainted(kind)) registry.set(highlightName(kind, look), highlight);
  };

  const highlightFor = (range: AbstractRange, kind: string): Highlight | null => {
    const doc = range.startContainer.ownerDocument;
    const win = doc?.defaultView as HighlightWindow | null;
    if (!doc || !win?.Highlight || !win.CSS?.highlights) return null;
    let byKind = perDocument.get(doc);
    if (!byKind) perDocument.set(doc, (byKind = new Map()));
    let highlight = byKind.get(kind);
    if (!highlight) {
      highlight = new win.Highlight();
      byKind.set(kind, highlight);
      register(win.CSS.highlights, kind, highlight);
    }
    return highlight;
  };

  let emphasisTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    emphasize(range, ms) {
      const win = range.startContainer.ownerDocument?.defaultView as HighlightWindow | null;
      if (!win?.Highlight || !win.CSS?.highlights) return;
      const emphasis = new win.Highlight(range);
      emphasis.priority = 1; // above the kind's own highlight
      win.CSS.highlights.set(EMPHASIS_HIGHLIGHT, emphasis);
      if (emphasisTimer) clearTimeout(emphasisTimer);
      emphasisTimer = setTimeout(() => {
        if (win.CSS.highlights?.get(EMPHASIS_HIGHLIGHT) === emphasis) win.CSS.highlights.delete(EMPHASIS_HIGHLIGHT);
      }, ms);
    },
    configure(nextLook, nextIsPainted) {
      look = nextLook;
      isPainted = nextIsPainted;
      for (const [doc, byKind] of perDocument) {
        const registry = (doc.defaultView as HighlightWindow | null)?.CSS?.highlights;
        if (registry) for (const [kind, highlight] of byKind) register(registry, kind, highlight);
      }
    },
    add(range, kind) {
      const highlight = highlightFor(range, kind);
      if (highlight) queue(highlight, range);
    },
    delete(range, kind) {
      const highlight = perDocument.get(range.startContainer.ownerDocument!)?.get(kind);
      if (!highlight) return;
      const queued = pending.get(highlight);
      const at = queued?.indexOf(range) ?? -1;
      if (at >= 0) queued!.splice(at, 1);
      else highlight.delete(range);
    },
    flush,
    adoptStyles(root) {
      if (adopted.has(root)) return;
      adopted.add(root);
      const win = root.ownerDocument.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
      if (!win) return;
      try {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(styles);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch {
        // A closed-off or exotic root: its matches are counted but not painted.
      }
    },
    clear() {
      pending.clear();
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      for (const [doc, byKind] of perDocument) {
        const registry = (doc.defaultView as HighlightWindow | null)?.CSS?.highlights;
        for (const [kind, highlight] of byKind) {
          highlight.clear();
          for (const l of LOOKS) if (registry?.get(highlightName(kind, l)) === highlight) registry.delete(highlightName(kind, l));
        }
      }
      perDocument.clear();
    },
  };
}
