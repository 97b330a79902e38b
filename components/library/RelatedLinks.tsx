import { BookmarkToggle, type BookmarkAvailability } from '@/components/card/BookmarkToggle';
import { summaryMeta } from '@/components/card/summary-meta';
import type { EntitySummary } from '@/lib/library/entity';
import { recordHref } from './route';

interface RelatedLinksProps {
  /** The section heading's id (headings are translated, so not derived from them). */
  id: string;
  heading: string;
  items: EntitySummary[];
  /** Papers and events can be saved from the list; other kinds only from their own page. */
  bookmarks?: {
    availability: BookmarkAvailability;
    saved: ReadonlySet<string>;
    reasonId: string;
    onToggle(itemId: string): void;
  };
}

/** A section of related records, each a link to its own library page. */
export function RelatedLinks({ id: headingId, heading, items, bookmarks }: RelatedLinksProps) {
  if (items.length === 0) return null;
  return (
    <section class="record-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading} <span class="muted">({items.length})</span>
      </h2>
      <ul class="related-list">
        {items.map((item) => {
          const meta = summaryMeta(item);
          return (
            <li key={item.id} class="related-item">
              <div class="related-text">
                <a href={recordHref(item.kind, item.id)} dir="auto">
                  {item.title}
                </a>
                {meta && <span class="muted">{meta}</span>}
              </div>
              {bookmarks && (
                <BookmarkToggle
                  itemId={item.id}
                  itemTitle={item.title}
                  saved={bookmarks.saved.has(item.id)}
                  bookmarks={bookmarks.availability}
                  reasonId={bookmarks.reasonId}
                  onToggle={bookmarks.onToggle}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
