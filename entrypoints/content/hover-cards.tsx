/**
 * Wires the hover card into the page: pointer samples (passive, one per animation frame) go through
 * hit-testing and hover intent; the card and the mentions list render in our closed shadow root, created
 * the first time either is needed. Only trusted events count: page scripts cannot open or drive the card.
 */
import { render } from 'preact';
import cardStyles from '@/components/card/card.css?inline';
import { CardLayer, type CardApi, type CardLayerView } from '@/components/card/CardLayer';
import type { PageMention } from '@/components/card/MentionsList';
import type { ForcedTheme } from '@/components/card/theme';
import { HOVER_DELAYS, MENTIONS_LIST_LIMIT, REVEAL_EMPHASIS_MS, SNIPPET_CONTEXT_CHARS } from '@/lib/constants';
import { highlightKindOf, type Settings } from '@/lib/settings/settings';
import { liveRange, mentionAtPoint } from '@/lib/content/hit-test';
import { HoverIntent } from '@/lib/content/hover-intent';
import { precedes, type MatchRecord, type PageScanner } from '@/lib/content/page-scanner';
import { createUiHost, type UiHost } from '@/lib/content/ui-host';
import { askBackground } from '@/lib/messaging/background-client';

export interface HoverCards {
  openMentionsList(): boolean;
  revealMention(entityId: string): boolean;
  stop(): void;
}

const api: CardApi = {
  getEntity: (id) => askBackground({ type: 'get-entity', id }),
  bookmarkStates: (itemIds) => askBackground({ type: 'get-bookmark-states', itemIds }),
  saveBookmark: async (itemId, quote) => {
    const url = location.href;
    const foundAt = /^https?:/.test(url) ? { url, title: document.title.slice(0, 500), quote: quote.slice(0, 1_000) } : undefined;
    await askBackground({ type: 'save-bookmark', itemId, ...(foundAt ? { foundAt } : {}) });
  },
  removeBookmark: async (itemId) => void (await askBackground({ type: 'remove-bookmark', itemId })),
  openRecord: (id) => void askBackground({ type: 'open-library-page', id }).catch(() => undefined),
  openSettings: () => void askBackground({ type: 'open-options-page' }).catch(() => undefined),
};

export function startHoverCards(
  scanner: PageScanner,
  siteName: string,
  onDisableSite: () => void,
  settings: () => Settings,
): HoverCards {
  const theme = (): ForcedTheme | undefined => (settings().theme === 'system' ? undefined : (settings().theme as ForcedTheme));
  const shown = (record: MatchRecord | null) =>
    record && settings().highlightKinds.includes(highlightKindOf(record.kind)) ? record : null;
  let ui: UiHost | null = null;
  let view: CardLayerView = { kind: 'none' };
  let key = 0;
  let listMentions: MatchRecord[] = [];
  let pointer: { x: number; y: number } | undefined;

  const show = (next: CardLayerView) => {
    view = next;
    if (!ui && view.kind === 'none') return;
    const first = !ui;
    ui ??= createUiHost(document, cardStyles);
    render(
      <CardLayer
        view={view}
        api={api}
        siteName={siteName}
        theme={theme()}
        onPointerOnCard={(inside) => intent.pointerOnCard(inside)}
        onClose={() => {
          intent.dismiss();
          show({ kind: 'none' });
        }}
        onChooseMention={chooseMention}
        onDisableSite={onDisableSite}
      />,
      ui.mount,
    );
    if (!first && view.kind !== 'none') ui.raise();
  };

  const cardFor = (record: MatchRecord): CardLayerView => {
    const entity = scanner.entityOf(record);
    return {
      kind: 'card',
      key: ++key,
      entity: { id: entity.id, kind: entity.kind, name: entity.name },
      anchor: () => liveRange(document, record.range),
      quote: quoteOf(record),
      pointer,
    };
  };

  const intent = new HoverIntent<MatchRecord>({
    showDelayMs: () => HOVER_DELAYS[settings().hoverDelay],
    onShow: (record) => show(cardFor(record)),
    onHide: () => {
      if (view.kind === 'card') show({ kind: 'none' });
    },
  });

  // Pointer: one hit test per animation frame at most, from passive listeners (never slows scrolling).
  let queued: PointerEvent | null = null;
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    if (queued === null) requestAnimationFrame(processPointer);
    queued = event;
  };
  const processPointer = () => {
    const event = queued;
    queued = null;
    if (!event) return;
    if (ui && event.composedPath().includes(ui.host)) return; // on our card: its own enter/leave handle it
    pointer = { x: event.clientX, y: event.clientY };
    intent.pointerMoved(event.clientX, event.clientY, shown(mentionAtPoint(document, event.clientX, event.clientY, scanner)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.key !== 'Escape' || view.kind === 'none') return;
    intent.dismiss();
    show({ kind: 'none' });
  };
  const onPointerDown = (event: PointerEvent) => {
    if (!event.isTrusted || view.kind === 'none') return;
    if (ui && event.composedPath().includes(ui.host)) return;
    intent.dismiss();
    show({ kind: 'none' });
  };
  document.addEventListener('pointermove', onPointerMove, { passive: true, capture: true });
  document.addEventListener('keydown', onKeyDown, { capture: true });
  document.addEventListener('pointerdown', onPointerDown, { passive: true, capture: true });

  const chooseMention = (listKey: string) => {
    const record = listMentions[Number(listKey)];
    if (!record) return;
    record.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    pointer = undefined;
    intent.showNow(record);
  };

  return {
    openMentionsList() {
      const all = scanner.allMatches();
      listMentions = inDocumentOrder(all).slice(0, MENTIONS_LIST_LIMIT);
      const counts = new Map<number, number>();
      for (const r of all) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
      const mentions: PageMention[] = listMentions.map((record, index) => {
        const entity = scanner.entityOf(record);
        return {
          key: String(index),
          entityId: entity.id,
          name: entity.name,
          kind: entity.kind,
          snippet: quoteOf(record),
          count: counts.get(record.entity) ?? 1,
        };
      });
      intent.dismiss();
      show({ kind: 'list', mentions });
      return true;
    },
    revealMention(entityId) {
      const record = scanner.firstMentionOf(entityId);
      if (!record) return false;
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      record.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
      scanner.emphasize(record, REVEAL_EMPHASIS_MS);
      return true;
    },
    stop() {
      document.removeEventListener('pointermove', onPointerMove, { capture: true });
      document.removeEventListener('keydown', onKeyDown, { capture: true });
      document.removeEventListener('pointerdown', onPointerDown, { capture: true });
      intent.dismiss();
      if (ui) {
        render(null, ui.mount);
        ui.remove();
        ui = null;
      }
    },
  };
}

/** The mention with a little text either side, cut at word boundaries: the list's snippet and a bookmark's quote. */
function quoteOf(record: MatchRecord): string {
  const from = Math.max(0, record.range.startOffset - SNIPPET_CONTEXT_CHARS);
  let before = record.startNode.data.slice(from, record.range.startOffset);
  if (from > 0) before = `…${before.replace(/^\S*\s/, '')}`;
  const to = record.range.endOffset + SNIPPET_CONTEXT_CHARS;
  let after = record.endNode.data.slice(record.range.endOffset, to);
  if (to < record.endNode.data.length) after = `${after.replace(/\s\S*$/, '')}…`;
  const mention = liveRange(document, record.range)?.toString() ?? '';
  return `${before}${mention}${after}`.replace(/\s+/g, ' ').trim();
}

function inDocumentOrder(records: MatchRecord[]): MatchRecord[] {
  return [...records].sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
}
