/**
 * Paints matches with the CSS Custom Highlight API: one named highlight per kind of entity, per document
 * (a same-origin iframe has its own registry). No element of the page is added or changed.
 * The styles are the `::highlight(icat-lens-<kind>)` rules of entrypoints/content/highlights.css, declared
 * in the manifest so they cost no style recalculation when added; shadow roots get them adopted.
 */

export const HIGHLIGHT_PREFIX = 'icat-lens-';

export interface HighlightSink {
  add(range: AbstractRange, kind: string): void;
  delete(range: AbstractRange, kind: string): void;
  /** Makes the highlight styles apply inside a shadow root (document styles do not reach into it). */
  adoptStyles(root: ShadowRoot): void;
  /** Paints one range strongly for `ms` (the mention the reader asked to see). */
  emphasize(range: AbstractRange, ms: number): void;
  clear(): void;
}

export const EMPHASIS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}emphasis`;

type HighlightWindow = Window & { Highlight?: typeof Highlight; CSS: typeof CSS & { highlights?: HighlightRegistry } };

/** A sink over the CSS highlight registries, or null where the browser lacks the API. */
export function cssHighlightSink(styles: string): HighlightSink | null {
  if (typeof Highlight === 'undefined' || !(CSS as { highlights?: unknown }).highlights) return null;
  const perDocument = new Map<Document, Map<string, Highlight>>();
  const adopted = new WeakSet<ShadowRoot>();

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
      win.CSS.highlights.set(HIGHLIGHT_PREFIX + kind, highlight);
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
    add: (range, kind) => void highlightFor(range, kind)?.add(range),
    delete: (range, kind) => void perDocument.get(range.startContainer.ownerDocument!)?.get(kind)?.delete(range),
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
      for (const [doc, byKind] of perDocument) {
        const registry = (doc.defaultView as HighlightWindow | null)?.CSS?.highlights;
        for (const [kind, highlight] of byKind) {
          highlight.clear();
          if (registry?.get(HIGHLIGHT_PREFIX + kind) === highlight) registry.delete(HIGHLIGHT_PREFIX + kind);
        }
      }
      perDocument.clear();
    },
  };
}
