import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { askBackground } from '@/lib/messaging/background-client';
import { LibrarySearch } from './LibrarySearch';

export function LibraryHome() {
  useEffect(() => {
    document.title = t('libraryTitle');
  }, []);
  return (
    <>
      <section class="home-intro" aria-labelledby="home-heading">
        <h1 id="home-heading">{t('libraryHomeHeading')}</h1>
        <p>{t('libraryHomeIntro')}</p>
        <p>
          <a href="#/timeline">{t('libraryTimelineLink')}</a>
        </p>
      </section>
      <LibrarySearch search={(query, filters) => askBackground({ type: 'search', query, ...filters })} />
    </>
  );
}
