/**
 * The library page (library.html): a record per hash route, `#/<kind>/<id>`, and a search at `#/`.
 * The background opens it from the hover card's "Open in library" (open-library-page).
 */
import { TimelinePage } from '@/components/library/TimelinePage';
import { LibraryHome } from '@/components/library/LibraryHome';
import { NotFound } from '@/components/library/NotFound';
import { RecordPage } from '@/components/library/RecordPage';
import { useHashRoute } from '@/components/library/use-hash-route';
import { t } from '@/lib/i18n/t';

export function LibraryApp() {
  const route = useHashRoute();
  return (
    <div class="library">
      <header class="library-header">
        <a class="library-home-link" href="#/">
          {t('libraryTitle')}
        </a>
      </header>
      <main class="library-main">
        {route.page === 'home' && <LibraryHome />}
        {route.page === 'timeline' && <TimelinePage />}
        {route.page === 'record' && <RecordPage key={route.id} id={route.id} path={`#/${route.kind}/${route.id}`} />}
        {route.page === 'not-found' && <NotFound what={`#${route.path}`} />}
      </main>
    </div>
  );
}
