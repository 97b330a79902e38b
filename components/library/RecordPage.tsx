import { useEffect, useState } from 'preact/hooks';
import { useAsync } from '@/components/use-async';
import { t } from '@/lib/i18n/t';
import type { EntityDetails } from '@/lib/library/entity';
import { LibraryError } from '@/lib/library/library-error';
import { askBackground } from '@/lib/messaging/background-client';
import { LoadError } from './LoadError';
import { NotFound } from './NotFound';
import { RecordView } from './RecordView';
import { useBookmarkStates } from './use-bookmark-states';

/** Fetches one record and its bookmark states from the background and shows it. */
export function RecordPage({ id, path }: { id: string; path: string }) {
  const [attempt, setAttempt] = useState(0);
  const details = useAsync(() => askBackground({ type: 'get-entity', id }).catch(notFoundAsNull), [id, attempt]);
  const ready = details.state === 'ready' ? details.value : null;
  const bookmarks = useBookmarkStates(ready ? bookmarkableIds(ready) : []);

  useEffect(() => {
    if (ready) document.title = `${ready.summary.title} · ${t('libraryTitle')}`;
  }, [ready]);

  if (details.state === 'loading') return <p class="muted" role="status">{t('recordOpening')}</p>;
  if (details.state === 'error') return <LoadError message={details.message} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!details.value) return <NotFound what={path} />;
  return (
    <>
      {bookmarks.error && (
        <p class="notice" role="alert">
          {bookmarks.error}
        </p>
      )}
      <RecordView
        details={details.value}
        saved={bookmarks.saved}
        bookmarks={bookmarks.availability}
        onToggleBookmark={bookmarks.toggle}
        focusHeading
      />
    </>
  );
}

/** The record itself and the papers and events listed with it: the items the page offers to save. */
function bookmarkableIds(details: EntityDetails): string[] {
  return [details.summary.id, ...details.related.publications.map((p) => p.id), ...details.related.events.map((e) => e.id)];
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof LibraryError && error.code === 'not-found') return null;
  throw error;
}
