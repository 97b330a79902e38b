/**
 * The term index, cached in the extension's storage (never the page's) so a new tab compiles its matcher
 * without waking the background or touching the database. The background refreshes the cache whenever
 * the dataset version changes.
 */
import { browser } from 'wxt/browser';
import type { TermIndex } from '../library/term-index';
import { askBackground } from '../messaging/background-client';

export const TERM_INDEX_STORAGE_KEY = 'termIndex';

function isTermIndex(value: unknown): value is TermIndex {
  const v = value as Partial<TermIndex> | null;
  return !!v && typeof v.datasetVersion === 'string' && Array.isArray(v.entities) && Array.isArray(v.forms) && Array.isArray(v.rules);
}

/** For content scripts: the cached index, or the background's when there is no cache yet. */
export async function loadTermIndex(): Promise<TermIndex> {
  try {
    const stored = (await browser.storage.local.get(TERM_INDEX_STORAGE_KEY))[TERM_INDEX_STORAGE_KEY];
    if (isTermIndex(stored)) return stored;
  } catch {
    // Storage unavailable: fall through to the background.
  }
  return askBackground({ type: 'get-term-index' });
}

/**
 * For the background: makes the cache hold the index of the dataset `key` names. The index is built only
 * when the cache holds another one, so a service-worker wake costs one storage read, not a read of the
 * whole library.
 */
export async function cacheTermIndex(key: string, build: () => Promise<TermIndex>): Promise<void> {
  const stored = (await browser.storage.local.get(TERM_INDEX_STORAGE_KEY))[TERM_INDEX_STORAGE_KEY];
  if (isTermIndex(stored) && (stored.datasetKey ?? stored.datasetVersion) === key) return;
  await browser.storage.local.set({ [TERM_INDEX_STORAGE_KEY]: await build() });
}
