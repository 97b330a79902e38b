import { browser } from 'wxt/browser';
import { LibraryStatusPanel } from '@/components/LibraryStatusPanel';
import { OnThisPage } from '@/components/OnThisPage';
import { SearchPanel } from '@/components/SearchPanel';
import { useAsync } from '@/components/use-async';
import { askBackground } from '@/lib/messaging/background-client';
import { askTabForPageEntities, targetTabId } from '@/lib/messaging/tab-client';

export function PopupApp() {
  const status = useAsync(() => askBackground({ type: 'get-status' }), []);
  const page = useAsync(async () => {
    const tabId = await targetTabId();
    return tabId === null ? null : askTabForPageEntities(tabId);
  }, []);
  return (
    <main class="popup">
      <header class="app-header">
        <h1>ICAT Lens</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      <SearchPanel search={(query) => askBackground({ type: 'search', query })} />
      <OnThisPage page={page} />
      {status.state === 'loading' && <p class="muted">Opening the library…</p>}
      {status.state === 'error' && (
        <p class="notice" role="alert">
          The library could not be opened: {status.message}
        </p>
      )}
      {status.state === 'ready' && <LibraryStatusPanel status={status.value} />}
    </main>
  );
}
