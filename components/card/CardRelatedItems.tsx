import type { EntitySummary } from '@/lib/library/entity';
import { t } from '@/lib/i18n/t';
import { BookmarkToggle, type BookmarkAvailability } from './BookmarkToggle';
import { summaryMeta } from './summary-meta';
import { trusted } from './trusted';

/** A hover card is a glance: longer lists end in a link to the full record in the library. */
export const CARD_LIST_LIMIT = 5;

interface CardRelatedItemsProps {
  heading: string;
  /** "All 12 papers in the library": the message of the link to the full list. */
  allKey: 'cardAllPapers' | 'cardAllEvents';
  items: EntitySummary[];
  /** The card's own entity: where "All N … in the library" leads. */
  entityId: string;
  saved: ReadonlySet<string>;
  bookmarks: BookmarkAvailability;
  bookmarkReasonId: string;
  onToggleBookmark(itemId: string): void;
  onOpenRecord(id: string): void;
}

/** The "ICAT papers" or "ICAT events" section: each record opens in the library and can be saved. */
export function CardRelatedItems(props: CardRelatedItemsProps) {
  const { heading, allKey, items, entityId, saved, bookmarks, bookmarkReasonId, onToggleBookmark, onOpenRecord } = props;
  if (items.length === 0) return null;
  const shown = items.slice(0, CARD_LIST_LIMIT);
  return (
    <section class="icat-section" aria-label={heading}>
      <h3 class="icat-section-title">{heading}</h3>
      <ul class="icat-items">
        {shown.map((item) => (
          <li key={item.id} class="icat-item">
            <button type="button" class="icat-item-open" onClick={trusted(() => onOpenRecord(item.id))}>
              <span class="icat-item-title" dir="auto">
                {item.title}
              </span>
              <span class="icat-item-meta">{summaryMeta(item)}</span>
            </button>
            <BookmarkToggle
              itemId={item.id}
              itemTitle={item.title}
              saved={saved.has(item.id)}
              bookmarks={bookmarks}
              reasonId={bookmarkReasonId}
              onToggle={onToggleBookmark}
            />
          </li>
        ))}
      </ul>
      {items.length > shown.length && (
        <button type="button" class="icat-more" onClick={trusted(() => onOpenRecord(entityId))}>
          {t(allKey, String(items.length))}
        </button>
      )}
    </section>
  );
}
