/**
 * Sites where the reader switched ICAT Lens off, by host name, kept in extension storage (pages cannot read
 * it) and so remembered across restarts. Content scripts read it before scanning and follow changes live.
 */
import { browser } from 'wxt/browser';
import { DISABLED_SITES_STORAGE_KEY } from '../constants';

/** The key a site is remembered by: its host name, without a leading "www.". */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Every disabled site, sorted. */
export async function disabledSites(): Promise<string[]> {
  return readList();
}

async function readList(): Promise<string[]> {
  const value = (await browser.storage.local.get(DISABLED_SITES_STORAGE_KEY))[DISABLED_SITES_STORAGE_KEY];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function isSiteDisabled(site: string): Promise<boolean> {
  return (await readList()).includes(site);
}

export async function setSiteDisabled(site: string, disabled: boolean): Promise<void> {
  const list = new Set(await readList());
  if (disabled) list.add(site);
  else list.delete(site);
  await browser.storage.local.set({ [DISABLED_SITES_STORAGE_KEY]: [...list].sort() });
}

/** Calls back with the whole list whenever it changes. */
export function watchDisabledSites(onChange: (sites: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DISABLED_SITES_STORAGE_KEY in changes)) return;
    const value = changes[DISABLED_SITES_STORAGE_KEY]!.newValue;
    onChange(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back with the site's new state whenever the list changes (from a card, the popup or options). */
export function watchSite(site: string, onChange: (disabled: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DISABLED_SITES_STORAGE_KEY in changes)) return;
    const value = changes[DISABLED_SITES_STORAGE_KEY]!.newValue;
    onChange(Array.isArray(value) && value.includes(site));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
