/**
 * The background's message handler: checks who sent a message and what it holds before doing anything.
 * Every outcome is an envelope; nothing a caller sends can throw inside the background.
 */
import * as v from 'valibot';
import type { BookmarkItemKind } from '../db/records';
import { getEntityDetails } from '../library/entity-details';
import { describeStorageError, LibraryError } from '../library/library-error';
import { applyPackToLibrary, datasetKey, libraryStatus, rollbackLibrary, type DatasetChange, type Library } from '../library/open-library';
import { fetchDataPackText, parseDataPack, type FetchLike } from '../library/data-pack';
import { buildTermIndex, type TermIndex } from '../library/term-index';
import { buildSearchFromSource, type LibrarySearch } from '../search/library-search';
import { buildTimeline } from '../library/timeline';
import { applyImport, exportFile, previewImport, type StoredPreferences } from '../library/backup-service';
import { DEFAULT_SETTINGS } from '../settings/settings';
import {
  BackgroundRequestSchema,
  describeIssues,
  type BackgroundRequest,
  type BackgroundResponses,
  type DataPackOutcome,
  type ResponseEnvelope,
} from './protocol';

export interface RouterContext {
  /** Our own extension id: messages from any other sender are refused. */
  extensionId: string;
  library: () => Promise<Library>;
  /** Called when IndexedDB failed under a request: the next request should open the library afresh. */
  onStorageFailure?: () => void;
  /** The reader's settings and switched-off sites (extension storage), for backups; and where to restore them. */
  preferences?: {
    read(): Promise<StoredPreferences>;
    restore(preferences: StoredPreferences): Promise<void>;
  };
  /** Opens an extension page (library.html#/..., the options page) in a new tab. */
  openPage?: (page: { kind: 'library'; hash: string } | { kind: 'options' }) => Promise<void>;
  /** Called after a data pack or a rollback changed the library (the background refreshes the cached term index). */
  onDatasetChanged?: (library: Library) => Promise<void>;
  /** The fetch used for fetch-data-pack (tests stub it). */
  fetch?: FetchLike;
}

/**
 * Something derived from the dataset alone, built once per dataset (its datasetKey) and shared by every
 * request until the dataset changes; a failed build is forgotten so the next request tries again.
 */
function perDataset<T>(build: (library: Library, key: string) => Promise<T>) {
  let cached: Promise<T> | null = null;
  let cachedFor = '';
  const get = (library: Library): Promise<T> => {
    const key = datasetKey(library.dataset);
    if (!cached || cachedFor !== key) {
      cachedFor = key;
      const building = build(library, key);
      cached = building;
      building.catch(() => {
        if (cached === building) cached = null;
      });
    }
    return cached;
  };
  return Object.assign(get, { clear: () => void (cached = null) });
}

export interface MessageSenderLike {
  id?: string;
}

export function createBackgroundRouter(ctx: RouterContext) {
  // The term index and the search index derive from the dataset alone: built once per dataset (keyed on
  // version, source and time of seeding, so a data pack with an unchanged version string still rebuilds them)
  // and per service-worker lifetime: rebuilding the search index takes ~20 ms, caching it is not worth it.
  const termIndexFor = perDataset<TermIndex>((library, key) => buildTermIndex(library.source, library.dataset.version, key));
  const searchFor = perDataset<LibrarySearch>((library) => buildSearchFromSource(library.source));

  /** After a change: drop the derived indexes and let the background refresh its storage cache. */
  const changed = async (library: Library, change: DatasetChange): Promise<DataPackOutcome> => {
    termIndexFor.clear();
    searchFor.clear();
    try {
      await ctx.onDatasetChanged?.(library);
    } catch (error) {
      console.error('[ICAT Lens] the term index cache could not be refreshed', error);
    }
    return { ok: true, ...change };
  };
  const applyText = async (text: string, source: Parameters<typeof applyPackToLibrary>[2], library: Library): Promise<DataPackOutcome> => {
    const parsed = parseDataPack(text);
    if (!parsed.ok) return parsed;
    return changed(library, await applyPackToLibrary(library, parsed.dataset, source));
  };

  const handlers: {
    [K in BackgroundRequest['type']]: (
      request: Extract<BackgroundRequest, { type: K }>,
      library: Library,
    ) => Promise<BackgroundResponses[K]>;
  } = {
    'get-status': (_, library) => libraryStatus(library),
    'get-term-index': (_, library) => termIndexFor(library),
    'get-entity': async ({ id }, library) => {
      const details = await getEntityDetails(library.source, id);
      if (!details) throw new LibraryError('not-found', `No library record has the id "${id}".`);
      return details;
    },
    search: async ({ query, limit, kinds, yearFrom, yearTo }, library) =>
      (await searchFor(library)).search(query, { limit, kinds, yearFrom, yearTo }),
    'list-bookmarks': (_, library) => library.bookmarks.list(),
    'save-bookmark': async ({ itemId, note, tags, foundAt }, library) => {
      const details = await getEntityDetails(library.source, itemId);
      if (!details) throw new LibraryError('not-found', `No library record has the id "${itemId}".`);
      const kind = details.entity.kind;
      const itemKind: BookmarkItemKind = kind === 'instrument' || kind === 'initiative' ? 'term' : kind;
      return library.bookmarks.save({ itemId, itemKind, title: details.summary.title, note, tags, foundAt });
    },
    'remove-bookmark': async ({ itemId }, library) => ({ removed: await library.bookmarks.remove(itemId) }),
    'get-bookmark-states': async ({ itemIds }, library) => {
      try {
        const saved = new Set((await library.bookmarks.list()).map((b) => b.itemId));
        return { available: true, saved: itemIds.filter((id) => saved.has(id)) };
      } catch (error) {
        if (error instanceof LibraryError && error.code === 'bookmarks-unavailable') return { available: false, reason: error.message };
        throw error;
      }
    },
    'open-library-page': async ({ id }, library) => {
      let hash = '#/';
      if (id) {
        const details = await getEntityDetails(library.source, id);
        if (!details) throw new LibraryError('not-found', `No library record has the id "${id}".`);
        hash = `#/${details.entity.kind}/${id}`;
      }
      await ctx.openPage?.({ kind: 'library', hash });
      return { opened: true };
    },
    'get-timeline': (_, library) => buildTimeline(library.source),
    'export-bookmarks': async ({ format, itemIds }, library) =>
      exportFile(library, format, (await ctx.preferences?.read()) ?? { settings: DEFAULT_SETTINGS, disabledSites: [] }, itemIds),
    'preview-import': ({ text }, library) => previewImport(library, text),
    'apply-import': async ({ text }, library) => {
      const { preview, preferences } = await applyImport(library, text);
      await ctx.preferences?.restore(preferences);
      return preview;
    },
    'apply-data-pack': ({ text, name }, library) =>
      applyText(text, name === undefined ? { kind: 'pack', origin: 'file' } : { kind: 'pack', origin: 'file', name }, library),
    'fetch-data-pack': async ({ url }, library) =>
      applyText(await fetchDataPackText(url, ctx.fetch ? { fetch: ctx.fetch } : {}), { kind: 'pack', origin: url }, library),
    'rollback-dataset': async (_, library) => changed(library, await rollbackLibrary(library)),
    'open-options-page': async () => {
      await ctx.openPage?.({ kind: 'options' });
      return { opened: true };
    },
  };

  return async function handle(message: unknown, sender: MessageSenderLike): Promise<ResponseEnvelope<unknown>> {
    if (sender.id !== ctx.extensionId) {
      return refuse('foreign-sender', 'Messages from other extensions or from web pages are not accepted.');
    }
    const parsed = v.safeParse(BackgroundRequestSchema, message);
    if (!parsed.success) return refuse('invalid-message', `Message refused: ${describeIssues(parsed.issues)}`);
    try {
      const request = parsed.output;
      const handler = handlers[request.type] as (r: BackgroundRequest, l: Library) => Promise<unknown>;
      return { ok: true, data: await handler(request, await ctx.library()) };
    } catch (error) {
      if (error instanceof LibraryError) return refuse(error.code, error.message);
      const storage = describeStorageError(error);
      if (storage) {
        // Said plainly, and nothing is retried blindly: a failed transaction has written nothing, so
        // what was saved before stands. The library is reopened for the next request.
        console.error('[ICAT Lens] storage failed', error);
        ctx.onStorageFailure?.();
        return refuse('storage-failed', storage);
      }
      console.error('[ICAT Lens] message failed', error);
      return refuse('internal', 'Something went wrong in the library. Try again; if it persists, reload the extension.');
    }
  };
}

function refuse(code: LibraryError['code'], message: string): ResponseEnvelope<never> {
  return { ok: false, error: { code, message } };
}
