import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BookmarksPanel } from '@/components/bookmarks/BookmarksPanel';
import { backgroundBookmarksApi } from '@/components/bookmarks/bookmarks-api';
import { LibraryStatusPanel } from '@/components/LibraryStatusPanel';
import { OnThisPage } from '@/components/OnThisPage';
import { SearchPanel } from '@/components/SearchPanel';
import { SiteSwitch } from '@/components/SiteSwitch';
import { useAsync } from '@/components/use-async';
import { t } from '@/lib/i18n/t';
import { askBackground } from '@/lib/messaging/background-client';
import { askTabForPageEntities, targetTabId } from '@/lib/messaging/tab-client';
import { isSiteDisabled, setSiteDisabled, watchSite } from '@/lib/settings/disabled-sites';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings/settings';

/** Stars in search results: saved states and toggles, through the background (its one writer). */
const searchBookmarks = {
  states: async (itemIds: string[]) => {
    const states = await askBackground({ type: 'get-bookmark-states', itemIds });
    return new Set(states.available ? states.saved : []);
  },
  toggle: async (itemId: string, save: boolean) => {
    if (save) await askBackground({ type: 'save-bookmark', itemId });
    else await askBackground({ type: 'remove-bookmark', itemId });
  },
};

export function PopupApp() {
  const status = useAsync(() => askBackground({ type: 'get-status' }), []);
  useEffect(() => {
    if (status.state === 'ready' && performance.getEntriesByName('popup:library').length === 0) performance.mark('popup:library');
  }, [status.state]);
  const [refresh, setRefresh] = useState(0);
  const tab = useAsync(() => targetTabId(), []);
  const tabId = tab.state === 'ready' ? tab.value : null;
  const page = useAsync(async () => (tabId === null ? null : askTabForPageEntities(tabId)), [tabId, refresh]);
  const site = page.state === 'ready' ? (page.value?.site ?? null) : null;

  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [siteDisabled, setSiteDisabledState] = useState(false);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (!site) return;
    void isSiteDisabled(site).then(setSiteDisabledState);
    return watchSite(site, setSiteDisabledState);
  }, [site]);

  // The page's answer changes when a switch flips: ask again shortly after.
  const askAgain = () => setTimeout(() => setRefresh((n) => n + 1), 300);

  return (
    <main class="popup">
      <header class="app-header">
        <h1>ICAT Lens</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </header>
      <SearchPanel
        search={(query, filters) => askBackground({ type: 'search', query, ...filters })}
        onOpen={(result) => void askBackground({ type: 'open-library-page', id: result.id }).catch(() => undefined)}
        bookmarks={searchBookmarks}
      />
      <SiteSwitch
        site={site}
        siteEnabled={!siteDisabled}
        globallyEnabled={settings.enabled}
        onSiteChange={(enabled) => void setSiteDisabled(site!, !enabled).then(askAgain)}
        onGlobalChange={(enabled) => void saveSettings({ enabled }).then(askAgain)}
      />
      <OnThisPage
        page={page}
        onReveal={(entityId) =>
          tabId !== null && void browser.tabs.sendMessage(tabId, { type: 'reveal-mention', entityId }, { frameId: 0 }).catch(() => undefined)
        }
      />
      <BookmarksPanel
        api={backgroundBookmarksApi}
        onOpenRecord={(id) => void askBackground({ type: 'open-library-page', id }).catch(() => undefined)}
        unavailableReason={status.state === 'ready' && !status.value.bookmarks.available ? status.value.bookmarks.reason : undefined}
      />
      {status.state === 'loading' && <p class="muted">{t('libraryOpening')}</p>}
      {status.state === 'error' && (
        <p class="notice" role="alert">
          {t('libraryOpenFailed', status.message)}
        </p>
      )}
      {status.state === 'ready' && <LibraryStatusPanel status={status.value} />}
    </main>
  );
}
