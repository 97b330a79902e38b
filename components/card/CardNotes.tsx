import { pluralKey, t } from '@/lib/i18n/t';

/**
 * Notes are where the dataset says plainly that sources disagree or a detail is unverified. The card shows
 * the first one and folds the rest: a hover card should not turn into the library page.
 */
export function CardNotes({ notes }: { notes: readonly string[] }) {
  const [first, ...rest] = notes;
  if (first === undefined) return null;
  return (
    <div class="icat-notes">
      <p class="icat-note" dir="auto">
        <span class="icat-note-label">{t('cardNoteLabel')} </span>
        {first}
      </p>
      {rest.length > 0 && (
        <details class="icat-more-notes">
          <summary>
            {t(pluralKey('cardMoreNotes', rest.length), String(rest.length))}
          </summary>
          {rest.map((note, i) => (
            <p key={i} class="icat-note" dir="auto">
              {note}
            </p>
          ))}
        </details>
      )}
    </div>
  );
}
