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
 * For the background: stores the index unless the cache already holds one built from the same dataset
 * (same `datasetKey` — version, source and time of seeding — so a data pack with an unchanged version
 * string still replaces it).
 */
export async function cacheTermIndex(index: TermIndex): Promise<void> {
  const stored = (await browser.storage.local.get(TERM_INDEX_STORAGE_KEY))[TERM_INDEX_STORAGE_KEY];
  const keyOf = (i: TermIndex) => i.datasetKey ?? i.datasetVersion;
  if (isTermIndex(stored) && keyOf(stored) === keyOf(index)) return;
  await browser.storage.local.set({ [TERM_INDEX_STORAGE_KEY]: index });
}
