import { useEffect, useState } from 'preact/hooks';
import { LibraryStatusPanel } from '@/components/LibraryStatusPanel';
import { DataPackSection } from '@/components/options/DataPackSection';
import { DataSection } from '@/components/options/DataSection';
import { DisabledSites } from '@/components/options/DisabledSites';
import { HighlightSettings } from '@/components/options/HighlightSettings';
import { ThemeSetting } from '@/components/options/ThemeSetting';
import { useAsync } from '@/components/use-async';
import { t } from '@/lib/i18n/t';
import { askBackground } from '@/lib/messaging/background-client';
import { disabledSites, setSiteDisabled, watchDisabledSites } from '@/lib/settings/disabled-sites';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings/settings';

export function OptionsApp() {
  // Bumped when a data pack or a rollback changed the library: the status below is read again.
  const [revision, setRevision] = useState(0);
  const status = useAsync(() => askBackground({ type: 'get-status' }), [revision]);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    void loadSettings().then(setSettings);
    void disabledSites().then(setSites);
    const unwatchSettings = watchSettings(setSettings);
    const unwatchSites = watchDisabledSites(setSites);
    return () => {
      unwatchSettings();
      unwatchSites();
    };
  }, []);
  return (
    <main class="options">
      <header class="app-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <section class="panel">
        <h2>{t('optionsAboutHeading')}</h2>
        <p>{t('optionsAbout')}</p>
      </section>
      <section class="panel" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('optionsAppearance')}</h2>
        <ThemeSetting value={settings.theme} onChange={(theme) => void saveSettings({ theme })} />
        <HighlightSettings settings={settings} onChange={(change) => void saveSettings(change)} />
      </section>
      <section class="panel" aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSites')}</h2>
        <DisabledSites sites={sites} onEnable={(site) => void setSiteDisabled(site, false)} />
      </section>
      <DataSection />
      <DataPackSection
        dataset={status.state === 'ready' ? status.value.dataset : null}
        onChanged={() => setRevision((r) => r + 1)}
      />
      {status.state === 'loading' && <p class="muted">{t('libraryOpening')}</p>}
      {status.state === 'error' && (
        <p class="notice" role="alert">
          {t('libraryOpenFailed', status.message)}
        </p>
      )}
      {status.state === 'ready' && <LibraryStatusPanel status={status.value} detailed />}
    </main>
  );
}
