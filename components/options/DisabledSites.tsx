import { t } from '@/lib/i18n/t';

/** The sites where the reader switched ICAT Lens off, each with a way to switch it back on. */
export function DisabledSites({ sites, onEnable }: { sites: readonly string[]; onEnable(site: string): void }) {
  if (sites.length === 0) {
    return <p class="muted">{t('disabledSitesNone')}</p>;
  }
  return (
    <ul class="site-list" aria-label={t('disabledSitesList')}>
      {sites.map((site) => (
        <li key={site} class="site">
          <span>{site}</span>
          <button type="button" class="link-button" onClick={() => onEnable(site)} aria-label={t('disabledSitesEnableAria', site)}>
            {t('disabledSitesEnable')}
          </button>
        </li>
      ))}
    </ul>
  );
}
