/**
 * A library record in full: names, facts, description, where sources disagree, related records and every
 * source. Presentational; RecordPage fetches the record and the bookmark states.
 */
import { useEffect, useRef } from 'preact/hooks';
import { BookmarkToggle, type BookmarkAvailability } from '@/components/card/BookmarkToggle';
import { kindLabel } from '@/components/kind-labels';
import type { Agency } from '@/lib/data/schema';
import { t } from '@/lib/i18n/t';
import type { EntityDetails } from '@/lib/library/entity';
import { FormsByLanguage } from './FormsByLanguage';
import { LocalisedNames } from './LocalisedNames';
import { RecordFacts } from './RecordFacts';
import { RelatedLinks } from './RelatedLinks';
import { SourceList } from './SourceList';

export interface RecordViewProps {
  details: EntityDetails;
  saved: ReadonlySet<string>;
  bookmarks: BookmarkAvailability;
  onToggleBookmark(itemId: string): void;
  /**
   * Moves focus to the heading when a record opens: following a link only changes the hash, so without
   * this a screen reader would not notice that the page now shows another record.
   */
  focusHeading?: boolean;
}

const BOOKMARK_REASON_ID = 'bookmarks-unavailable-reason';

export function RecordView({ details, saved, bookmarks, onToggleBookmark, focusHeading = false }: RecordViewProps) {
  const { entity, summary, related } = details;
  const record = entity.record;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading, summary.id]);

  const listBookmarks = { availability: bookmarks, saved, reasonId: BOOKMARK_REASON_ID, onToggle: onToggleBookmark };
  const acronym = entity.kind === 'agency' ? entity.record.acronym : undefined;

  return (
    <article class="record" aria-labelledby="record-title" data-kind={entity.kind}>
      <header class="record-header">
        <p class="record-kind">
          <span class="kind">{kindLabel(entity.kind)}</span>
          {acronym && <span class="acronym">{acronym}</span>}
        </p>
        <h1 id="record-title" ref={headingRef} tabIndex={-1} dir="auto">
          {summary.title}
        </h1>
        {entity.kind === 'publication' && !entity.record.titleVerified && (
          <p class="notice">{t('titleNotVerified')}</p>
        )}
        {summary.retired && (
          <p class="notice" data-testid="record-retired">
            {t('retiredBadge', summary.retired)}
          </p>
        )}
        <div class="record-actions">
          <BookmarkToggle
            itemId={summary.id}
            itemTitle={summary.title}
            saved={saved.has(summary.id)}
            bookmarks={bookmarks}
            reasonId={BOOKMARK_REASON_ID}
            onToggle={onToggleBookmark}
          />
          {!bookmarks.available && (
            <span id={BOOKMARK_REASON_ID} class="muted">
              {bookmarks.reason}
            </span>
          )}
        </div>
      </header>

      <p class="record-description" dir="auto">
        {record.description}
      </p>

      <RecordFacts details={details} />

      {entity.kind === 'agency' && <LocalisedNames name={entity.record.name} acronyms={agencyAcronyms(entity.record)} />}
      {(entity.kind === 'term' || entity.kind === 'instrument' || entity.kind === 'initiative') && (
        <LocalisedNames name={entity.record.name} />
      )}
      {(entity.kind === 'agency' || entity.kind === 'term' || entity.kind === 'instrument' || entity.kind === 'initiative') && (
        <FormsByLanguage forms={entity.record.forms} />
      )}

      {record.notes.length > 0 && (
        <section class="record-section disagreements" aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('notesHeading')}</h2>
          <ul>
            {record.notes.map((note, i) => (
              <li key={i} dir="auto">
                {note}
              </li>
            ))}
          </ul>
        </section>
      )}

      <RelatedLinks id="related-papers" heading={t('icatPapers')} items={related.publications} bookmarks={listBookmarks} />
      <RelatedLinks id="related-events" heading={t('icatEvents')} items={related.events} bookmarks={listBookmarks} />
      <RelatedLinks id="related-agencies" heading={t('labelAgencies')} items={related.agencies} />
      <RelatedLinks id="related-people" heading={t('labelPeople')} items={related.people} />
      <RelatedLinks id="related-terms" heading={t('labelTermsAndInstruments')} items={related.terms} />

      <SourceList sources={record.sources} />
    </article>
  );
}

/** Per-language acronyms; an agency with only a display acronym has it in English. */
function agencyAcronyms(agency: Agency): NonNullable<Agency['acronyms']> {
  return agency.acronyms ?? (agency.acronym ? { en: agency.acronym } : {});
}
