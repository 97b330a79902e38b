import { useRef, useState } from 'preact/hooks';
import { kindLabel } from '@/components/kind-labels';
import type { Bookmark } from '@/lib/db/records';
import { t, tParts, type MessageKey } from '@/lib/i18n/t';
import { SHORT_MONTH_KEYS } from '@/lib/i18n/months';
import { NoteEditor } from './NoteEditor';
import { TagEditor } from './TagEditor';

const MONTHS = SHORT_MONTH_KEYS;

/**
 * '3 Mar 2026', in the reader's time zone, with the UI language's short month names (messages.json), not
 * toLocaleDateString: the popup follows the extension's language, not the system's, and its tests stay fixed.
 */
export function formatSavedDate(time: number): string {
  const date = new Date(time);
  return `${date.getDate()} ${t(MONTHS[date.getMonth()]!)} ${date.getFullYear()}`;
}

/** YYYY-MM-DD in the reader's time zone, for <time datetime>. */
const isoDay = (time: number) => {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

interface BookmarkItemProps {
  bookmark: Bookmark;
  onOpenRecord(itemId: string): void;
  /** `tags` are the item's current tags (including a tag change still on its way). */
  onSaveNote(bookmark: Bookmark, note: string, tags: string[]): Promise<void>;
  onSaveTags(bookmark: Bookmark, tags: string[]): Promise<void>;
  onRemove(bookmark: Bookmark): void;
}

/** One saved paper or event: title (opens the record), kind, saved date, and its editable note and tags. */
export function BookmarkItem({ bookmark, onOpenRecord, onSaveNote, onSaveTags, onRemove }: BookmarkItemProps) {
  const { itemId, title } = bookmark;
  // Tags being saved are shown at once; the stored ones (from the live query) take over when they change.
  // The live query hands over new arrays on every change anywhere, so compare the tags, not the array.
  // The pending list remembers which stored tags it was made from, and is dropped once they differ.
  const [pending, setPending] = useState<{ tags: string[]; base: string } | null>(null);
  const storedKey = bookmark.tags.join('\u0000');
  const tags = pending !== null && pending.base === storedKey ? pending.tags : bookmark.tags;
  // A note saved right after a tag change must carry the new tags, not the stored ones it would overwrite.
  const latestTags = useRef(tags);
  latestTags.current = tags;

  const saveTags = (next: string[]) => {
    const mine = { tags: next, base: storedKey };
    setPending(mine);
    return onSaveTags(bookmark, next).catch((failure: unknown) => {
      setPending((now) => (now === mine ? null : now));
      throw failure;
    });
  };

  return (
    <li class="bm-item" data-item-id={itemId}>
      <div class="bm-item-head">
        <button type="button" class="bm-title" dir="auto" onClick={() => onOpenRecord(itemId)}>
          {title}
        </button>
        <button type="button" class="bm-remove" aria-label={t('removeAria', title)} onClick={() => onRemove(bookmark)}>
          {t('remove')}
        </button>
      </div>
      <p class="muted bm-meta">
        <span class="bm-kind">{kindLabel(bookmark.itemKind)}</span> ·{' '}
        {tParts('savedOn', [<time dateTime={isoDay(bookmark.createdAt)}>{formatSavedDate(bookmark.createdAt)}</time>])}
      </p>
      <NoteEditor note={bookmark.note} itemTitle={title} onSave={(note) => onSaveNote(bookmark, note, [...latestTags.current])} />
      <TagEditor tags={tags} itemTitle={title} onSave={saveTags} />
    </li>
  );
}
