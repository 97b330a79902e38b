import { browser } from 'wxt/browser';
import { BUNDLED_DATASET_PATH } from '@/lib/constants';
import { createBackgroundRouter } from '@/lib/messaging/background-router';
import { datasetKey, openLibrary, type Library } from '@/lib/library/open-library';
import { cacheTermIndex } from '@/lib/content/term-index-cache';
import { buildTermIndex } from '@/lib/library/term-index';
import { disabledSites, setSiteDisabled } from '@/lib/settings/disabled-sites';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

export default defineBackground(() => {
  // One library per service-worker lifetime, opened (and seeded if the dataset changed) on first need.
  let opening: Promise<Library> | null = null;
  const library = () =>
    (opening ??= openLibrary({ readBundledDataset: readBundledDataset }).catch((error: unknown) => {
      opening = null; // let the next message try again rather than caching a failure
      throw error;
    }));

  // The term index that content scripts read from storage, rebuilt when the dataset (version, source or
  // time of seeding) differs from the cached one.
  const cacheIndexOf = (lib: Library) => {
    const key = datasetKey(lib.dataset);
    return cacheTermIndex(key, () => buildTermIndex(lib.source, lib.dataset.version, key));
  };

  const handle = createBackgroundRouter({
    extensionId: browser.runtime.id,
    library,
    onStorageFailure: () => {
      void opening?.then((lib) => lib.db?.close()).catch(() => undefined);
      opening = null;
    },
    // A data pack or a rollback changed the library: new tabs must detect its records at once.
    onDatasetChanged: cacheIndexOf,
    preferences: {
      read: async () => ({ settings: await loadSettings(), disabledSites: await disabledSites() }),
      // A restore brings back the backup's settings, and adds its switched-off sites to the current ones.
      restore: async ({ settings, disabledSites: sites }) => {
        await saveSettings(settings);
        for (const site of sites) await setSiteDisabled(site, true);
      },
    },
    openPage: async (page) => {
      if (page.kind === 'options') await browser.runtime.openOptionsPage();
      else await browser.tabs.create({ url: browser.runtime.getURL(`/library.html${page.hash}` as '/') });
    },
  });

  // Listeners are registered synchronously so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  // Other extensions get an explicit refusal (web pages cannot reach us: no externally_connectable).
  browser.runtime.onMessageExternal.addListener(() =>
    Promise.resolve({ ok: false, error: { code: 'foreign-sender', message: 'ICAT Lens does not accept messages from other extensions.' } }),
  );
  // Refresh the term index that content scripts read from storage whenever the dataset may have changed.
  const refreshTermIndexCache = () => library().then(cacheIndexOf).catch(logFailure);
  browser.runtime.onInstalled.addListener(() => void refreshTermIndexCache());
  // The keyboard route to the cards: the shortcut opens the in-page list of mentions in the active tab.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'open-mentions-list') return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => tab?.id !== undefined && browser.tabs.sendMessage(tab.id, { type: 'open-mentions-list' }, { frameId: 0 }))
      .catch(() => undefined); // a page where content scripts cannot run
  });
  void refreshTermIndexCache();
});

// Network: the background fetches nothing but the bundled dataset (an extension file) and, only when the
// reader asks for it in the options page, a data pack from the address they typed (fetch-data-pack).
async function readBundledDataset(): Promise<unknown> {
  // The dataset ships inside the extension; this fetch never leaves the browser.
  const response = await fetch(browser.runtime.getURL(BUNDLED_DATASET_PATH as '/'));
  if (!response.ok) throw new Error(`bundled dataset missing (${response.status})`);
  return response.json();
}

function logFailure(error: unknown) {
  console.error('[ICAT Lens] the library could not be opened', error);
}
