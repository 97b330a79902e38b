/**
 * What the content script renders in its shadow root: nothing, the card for one mention, or the list of
 * mentions. It loads the card's data from the background, keeps the saved state, and positions the card
 * beside the mention with floating-ui (flips and shifts to stay in view, follows scroll, handles a mention
 * wrapped over two lines via the inline middleware).
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '@/lib/constants';
import type { EntityKind } from '@/lib/data/schema';
import type { EntityDetails } from '@/lib/library/entity';
import type { BookmarkStates } from '@/lib/messaging/protocol';
import { EntityCard, type EntityCardState } from './EntityCard';
import { MentionsList, type PageMention } from './MentionsList';
import type { ForcedTheme } from './theme';
import { trusted } from './trusted';

export type CardLayerView =
  | { kind: 'none' }
  | {
      kind: 'card';
      /** Changes whenever a different mention is shown (the same entity can be mentioned twice). */
      key: number;
      entity: { id: string; kind: EntityKind; name: string };
      /** The mention's current range (null if its text left the page). */
      anchor: () => Range | null;
      /** Where the mention is, for "found at" on a bookmark. */
      quote: string;
      /** The pointer position when the card was asked for: which line of a wrapped mention to sit by. */
      pointer?: { x: number; y: number };
    }
  | { kind: 'list'; mentions: PageMention[] };

/** The background calls the card needs; the content script passes askBackground-based ones. */
export interface CardApi {
  getEntity(id: string): Promise<EntityDetails>;
  bookmarkStates(ids: string[]): Promise<BookmarkStates>;
  saveBookmark(id: string, quote: string): Promise<void>;
  removeBookmark(id: string): Promise<void>;
  openRecord(id: string): void;
  openSettings(): void;
}

export interface CardLayerProps {
  view: CardLayerView;
  api: CardApi;
  siteName: string;
  theme?: ForcedTheme;
  onPointerOnCard(inside: boolean): void;
  onClose(): void;
  onChooseMention(key: string): void;
  onDisableSite(): void;
}

export function CardLayer(props: CardLayerProps) {
  const { view } = props;
  if (view.kind === 'list') {
    return (
      <div class="icat-layer-list" style={{ position: 'fixed', top: '16px', right: '16px', pointerEvents: 'auto' }}>
        <MentionsList mentions={view.mentions} onChoose={props.onChooseMention} onClose={props.onClose} theme={props.theme} />
      </div>
    );
  }
  if (view.kind === 'card') return <PositionedCard {...props} view={view} />;
  return null;
}

function PositionedCard(props: CardLayerProps & { view: Extract<CardLayerView, { kind: 'card' }> }) {
  const { view, api } = props;
  const [state, setState] = useState<EntityCardState>({ status: 'loading', name: view.entity.name, kind: view.entity.kind });
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [bookmarks, setBookmarks] = useState<BookmarkStates>({ available: true, saved: [] });
  const floating = useRef<HTMLDivElement>(null);

  const refreshSaved = async (details: EntityDetails) => {
    const ids = [details.summary.id, ...details.related.publications.map((p) => p.id), ...details.related.events.map((e) => e.id)];
    const states = await api.bookmarkStates(ids);
    setBookmarks(states);
    setSaved(new Set(states.available ? states.saved : []));
  };

  useEffect(() => {
    let current = true;
    setState({ status: 'loading', name: view.entity.name, kind: view.entity.kind });
    api
      .getEntity(view.entity.id)
      .then(async (details) => {
        if (!current) return;
        setState({ status: 'ready', details });
        await refreshSaved(details);
      })
      .catch((error: unknown) => current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.key]);

  useLayoutEffect(() => {
    const element = floating.current;
    const range = view.anchor();
    if (!element || !range) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const place = () =>
      computePosition(reference, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(view.pointer),
          offset(CARD_OFFSET_PX),
          flip({ padding: CARD_VIEWPORT_PADDING_PX }),
          shift({ padding: CARD_VIEWPORT_PADDING_PX }),
          size({
            padding: CARD_VIEWPORT_PADDING_PX,
            apply: ({ availableHeight }) => element.style.setProperty('--icat-available-height', `${Math.max(160, availableHeight)}px`),
          }),
        ],
      }).then(({ x, y }) => {
        element.style.left = `${x}px`;
        element.style.top = `${y}px`;
        element.style.visibility = 'visible';
      });
    return autoUpdate(reference, element, () => void place());
  }, [view.key, state.status]);

  const toggleBookmark = async (id: string) => {
    if (saved.has(id)) await api.removeBookmark(id);
    else await api.saveBookmark(id, view.quote);
    if (state.status === 'ready') await refreshSaved(state.details);
  };

  return (
    <div
      ref={floating}
      class="icat-layer-card"
      style={{ position: 'fixed', left: '0px', top: '0px', visibility: 'hidden', pointerEvents: 'auto' }}
      onPointerEnter={trusted(() => props.onPointerOnCard(true))}
      onPointerLeave={trusted(() => props.onPointerOnCard(false))}
    >
      <EntityCard
        state={state}
        saved={saved}
        bookmarks={bookmarks.available ? { available: true } : { available: false, reason: bookmarks.reason }}
        siteName={props.siteName}
        theme={props.theme}
        onToggleBookmark={(id) => void toggleBookmark(id).catch(() => undefined)}
        onOpenRecord={api.openRecord}
        onDisableSite={props.onDisableSite}
        onOpenSettings={api.openSettings}
        onClose={props.onClose}
      />
    </div>
  );
}
