import type { EntityDetails } from '@/lib/library/entity';
import { t } from '@/lib/i18n/t';
import { BookmarkToggle, type BookmarkAvailability } from './BookmarkToggle';
import { CardNotes } from './CardNotes';
import { CardRelatedChips } from './CardRelatedChips';
import { CardRelatedItems } from './CardRelatedItems';
import { httpUrl } from './safe-url';
import { SourceLink } from './SourceLink';
import { summaryMeta } from './summary-meta';

interface CardReadyBodyProps {
  details: EntityDetails;
  descriptionId: string;
  bookmarkReasonId: string;
  saved: ReadonlySet<string>;
  bookmarks: BookmarkAvailability;
  onToggleBookmark(itemId: string): void;
  onOpenRecord(id: string): void;
}

/** Everything between the heading and the footer once the record has arrived. */
export function CardReadyBody(props: CardReadyBodyProps) {
  const { details, descriptionId, bookmarkReasonId, saved, bookmarks, onToggleBookmark, onOpenRecord } = props;
  const { entity, summary, related } = details;
  const record = entity.record;
  // Papers link to the paper itself where the dataset has it; everything else to its first source. A URL
  // that is not http(s) is skipped for the next candidate, never linked.
  const candidates = entity.kind === 'publication' ? [entity.record.url, ...record.sources] : record.sources;
  const sourceUrl = candidates.map(httpUrl).find((url) => url !== null) ?? undefined;
  const bookmarkable = entity.kind === 'publication' || entity.kind === 'event';
  const hasToggles = bookmarkable || related.publications.length > 0 || related.events.length > 0;
  const meta = entity.kind === 'agency' ? undefined : summaryMeta(summary);
  const listProps = { entityId: summary.id, saved, bookmarks, bookmarkReasonId, onToggleBookmark, onOpenRecord };

  return (
    <div class="icat-card-body">
      {meta && <p class="icat-meta">{meta}</p>}
      {entity.kind === 'publication' && !entity.record.titleVerified && (
        <p class="icat-unverified">{t('titleNotVerified')}</p>
      )}
      {summary.retired && <p class="icat-unverified">{t('retiredBadge', summary.retired)}</p>}
      {(bookmarkable || sourceUrl) && (
        <div class="icat-actions">
          {bookmarkable && (
            <BookmarkToggle
              itemId={summary.id}
              itemTitle={summary.title}
              saved={saved.has(summary.id)}
              bookmarks={bookmarks}
              reasonId={bookmarkReasonId}
              onToggle={onToggleBookmark}
            />
          )}
          <SourceLink url={sourceUrl} />
        </div>
      )}
      <p id={descriptionId} class="icat-description" dir="auto">
        {record.description}
      </p>
      <CardNotes notes={record.notes} />
      <CardRelatedItems heading={t('icatPapers')} allKey="cardAllPapers" items={related.publications} {...listProps} />
      <CardRelatedItems heading={t('icatEvents')} allKey="cardAllEvents" items={related.events} {...listProps} />
      {related.publications.length === 0 && related.events.length === 0 && (
        <p class="icat-empty">{t('cardNoRelated')}</p>
      )}
      <CardRelatedChips label={t('labelAgencies')} items={related.agencies} entityId={summary.id} onOpenRecord={onOpenRecord} />
      <CardRelatedChips label={t('labelPeople')} items={related.people} entityId={summary.id} onOpenRecord={onOpenRecord} />
      <CardRelatedChips label={t('labelTerms')} items={related.terms} entityId={summary.id} onOpenRecord={onOpenRecord} />
      {!bookmarks.available && hasToggles && (
        <p id={bookmarkReasonId} class="icat-bookmarks-off">
          {bookmarks.reason}
        </p>
      )}
    </div>
  );
}
