/**
 * The "Saved" panel of the popup: the reader's bookmarked papers and events, newest first, with their notes
 * and tags editable in place, a text and tag filter, and removal with Undo.
 *
 * Reads come straight from IndexedDB through a live query (extension pages share the database's origin),
 * so a bookmark saved from a hover card appears while the popup is open. Writes never touch the database
 * here: they go through `api` (by default the background's save-bookmark / remove-bookmark messages), so
 * the background stays the one writer.
 */
import './bookmarks.css';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryDatabase } from '@/lib/db/database';
import type { Bookmark } from '@/lib/db/records';
import { t, tParts } from '@/lib/i18n/t';
import type { BookmarksApi } from './bookmarks-api';
import { BookmarkFilters } from './BookmarkFilters';
import { ExportShown } from './ExportShown';
import { BookmarkItem } from './BookmarkItem';
import { countTags, filterBookmarks } from './filter';
import { UndoBar } from './UndoBar';
import { useLiveBookmarks } from './use-live-bookmarks';

export type { BookmarksApi, BookmarkSaveInput } from './bookmarks-api';

export interface BookmarksPanelProps {
  /** The database to read (tests inject one). Default: the extension's own, opened read-only by this panel. */
  db?: LibraryDatabase;
  /** Where writes go; pass `backgroundBookmarksApi` (bookmarks-api.ts) in the popup. */
  api: BookmarksApi;
  /** Opens a saved item's record (the title is a button). */
  onOpenRecord(itemId: string): void;
  /**
   * Set when the background says bookmarks are unavailable (`get-status` → `bookmarks.reason`, e.g. IndexedDB
   * refused in a private window): the panel shows it instead of a list and does not open the database.
   */
  unavailableReason?: string;
}

interface Removal {
  /** Distinguishes removals of the same item, so each Undo bar gets its own full delay. */
  seq: number;
  bookmark: Bookmark;
  /** Settles when the background answered: true if removed, false if the removal failed. */
  done: Promise<boolean>;
}

/** Where focus goes after the next render: an item's title, or the heading. */
type FocusTarget = { itemId: string } | 'heading';

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export function BookmarksPanel({ db, api, onOpenRecord, unavailableReason }: BookmarksPanelProps) {
  const live = useLiveBookmarks(db, { enabled: unavailableReason === undefined });
  const [query, setQuery] = useState('');
  const [selectedTag, setSelectedTag] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  /**
   * Ids (Bookmark.id, not itemId) of bookmarks removed here that the live list may still hold until the
   * background's delete reaches it. By id: a bookmark restored by Undo is a new record with a new id, so it
   * shows even if the live list skips the moment the old one was gone.
   */
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const seq = useRef(0);
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const headingId = `${id}-saved-heading`;

  const stored = live.state === 'ready' ? live.bookmarks : null;
  const all = useMemo(() => (stored ?? []).filter((b) => !hidden.has(b.id)), [stored, hidden]);
  const tags = useMemo(() => countTags(all), [all]);
  // A chosen tag that no bookmark carries any more (its last one removed) no longer filters.
  const activeTag = selectedTag !== null && tags.some((tag) => tag.key === selectedTag) ? selectedTag : null;
  const shown = useMemo(() => filterBookmarks(all, query, activeTag), [all, query, activeTag]);

  // Forget hidden ids once the live list has caught up with their removal.
  useEffect(() => {
    if (!stored || hidden.size === 0) return;
    const present = new Set(stored.map((b) => b.id));
    if ([...hidden].some((bookmarkId) => !present.has(bookmarkId))) {
      setHidden(new Set([...hidden].filter((bookmarkId) => present.has(bookmarkId))));
    }
  }, [stored, hidden]);

  useEffect(() => {
    if (focusTarget === null) return;
    // Only put back focus that was lost (its element went away); never take it from where the reader put it.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      setFocusTarget(null);
      return;
    }
    if (focusTarget === 'heading') {
      heading.current?.focus();
      setFocusTarget(null);
      return;
    }
    const title = [...(root.current?.querySelectorAll<HTMLElement>('[data-item-id]') ?? [])]
      .find((item) => item.dataset.itemId === focusTarget.itemId)
      ?.querySelector<HTMLElement>('.bm-title');
    if (title) {
      title.focus();
      setFocusTarget(null);
    }
    // Not rendered yet (an undone item on its way back): try again on the next render.
  });

  // A note edit sends the item's current tags along (so the save states the whole bookmark); a tag edit sends
  // only the tags, so it cannot overwrite a note saved a moment earlier with an older one.
  const saveNote = (bookmark: Bookmark, note: string, currentTags: string[]) =>
    api.save({ itemId: bookmark.itemId, note, tags: currentTags });
  const saveTags = (bookmark: Bookmark, nextTags: string[]) => api.save({ itemId: bookmark.itemId, tags: nextTags });

  const remove = (bookmark: Bookmark) => {
    const { itemId } = bookmark;
    const mine = ++seq.current;
    setError(null);
    // Focus moves to the next item (or the one before, or the heading): the Remove button is going away.
    const index = shown.findIndex((b) => b.itemId === itemId);
    const neighbour = shown[index + 1] ?? shown[index - 1];
    setFocusTarget(neighbour ? { itemId: neighbour.itemId } : 'heading');
    setHidden((now) => new Set(now).add(bookmark.id));
    const done = api.remove(itemId).then(
      () => true,
      (failure: unknown) => {
        setHidden((now) => withoutId(now, bookmark.id));
        setRemoval((now) => (now?.seq === mine ? null : now));
        setError(t('removeFailed', [bookmark.title, messageOf(failure)]));
        return false;
      },
    );
    setRemoval({ seq: mine, bookmark, done });
  };

  const undo = () => {
    if (!removal) return;
    const { bookmark, done } = removal;
    setRemoval(null);
    setError(null);
    setFocusTarget({ itemId: bookmark.itemId });
    // Wait for the removal to finish first: a save that overtook it would be deleted by it.
    void done.then(async (removed) => {
      if (!removed) return;
      try {
        // Undo saves the item again with the same note, tags and place it was found. The background creates a
        // new bookmark, so its creation time is now, not the original one: it comes back at the top of the
        // newest-first list, with today's date.
        await api.save({
          itemId: bookmark.itemId,
          note: bookmark.note,
          tags: [...bookmark.tags],
          ...(bookmark.foundAt ? { foundAt: bookmark.foundAt } : {}),
        });
      } catch (failure) {
        setFocusTarget('heading');
        setError(t('restoreFailed', [bookmark.title, messageOf(failure)]));
      }
    });
  };

  const clearFilters = () => {
    setQuery('');
    setSelectedTag(null);
  };

  return (
    <section ref={root} class="panel bookmarks" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} class="bm-heading">
        {t('savedHeading')}
        {stored && all.length > 0 && (
          <span class="count-badge bm-heading-count"> {all.length}</span>
        )}
      </h2>
      {unavailableReason !== undefined ? (
        <p class="notice" role="status" data-testid="bookmarks-unavailable">
          {unavailableReason}
        </p>
      ) : (
        <>
          {live.state === 'loading' && <p class="muted">{t('savedLoading')}</p>}
          {live.state === 'error' && (
            <p class="notice" role="alert">
              {t('savedReadFailed', live.message)}
            </p>
          )}
          {stored && all.length === 0 && (
            <p class="muted bm-empty" data-testid="bookmarks-empty">
              {t('savedEmpty')}
            </p>
          )}
          {stored && all.length > 0 && (
            <>
              <BookmarkFilters
                query={query}
                onQuery={setQuery}
                tags={tags}
                selectedTag={activeTag}
                onSelectTag={setSelectedTag}
                total={all.length}
                shown={shown.length}
              />
              {shown.length === 0 ? (
                <div class="bm-empty" data-testid="bookmarks-filtered-empty">
                  <p class="muted">
                    <NoMatch
                      query={query.trim()}
                      tag={activeTag === null ? null : (tags.find((tag) => tag.key === activeTag)?.label ?? activeTag)}
                    />
                  </p>
                  <button type="button" class="link-button" onClick={clearFilters}>
                    {t('clearFilters')}
                  </button>
                </div>
              ) : (
                <ul class="bm-list" aria-labelledby={headingId}>
                  {shown.map((bookmark) => (
                    <BookmarkItem
                      key={bookmark.itemId}
                      bookmark={bookmark}
                      onOpenRecord={onOpenRecord}
                      onSaveNote={saveNote}
                      onSaveTags={saveTags}
                      onRemove={remove}
                    />
                  ))}
                </ul>
              )}
              {shown.length > 0 && <ExportShown itemIds={shown.map((b) => b.itemId)} />}
            </>
          )}
        </>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {/* Present before any removal, so screen readers announce the Undo bar when it appears inside. */}
      <div class="bm-live" role="status" aria-live="polite">
        {removal && (
          <UndoBar
            key={removal.seq}
            title={removal.bookmark.title}
            onUndo={undo}
            onExpire={() => setRemoval((now) => (now?.seq === removal.seq ? null : now))}
          />
        )}
      </div>
    </section>
  );
}

/** "Nothing saved matches “q” with the tag “t”.", the reader's words isolated (they may be right-to-left). */
function NoMatch({ query, tag }: { query: string; tag: string | null }) {
  const q = <bdi>{query}</bdi>;
  const tagged = <bdi>{tag}</bdi>;
  if (query !== '' && tag !== null) return <>{tParts('savedNoMatchQueryAndTag', [q, tagged])}</>;
  if (tag !== null) return <>{tParts('savedNoMatchTag', [tagged])}</>;
  return <>{tParts('savedNoMatchQuery', [q])}</>;
}

function withoutId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

export default BookmarksPanel;
