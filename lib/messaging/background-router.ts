/**
 * The background's message handler: checks who sent a message and what it holds before doing anything.
 * Every outcome is an envelope; nothing a caller sends can throw inside the background.
 */
import * as v from 'valibot';
import type { BookmarkItemKind } from '../db/records';
import { getEntityDetails } from '../library/entity-details';
import { LibraryError } from '../library/library-error';
import { libraryStatus, type Library } from '../library/open-library';
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
  type ResponseEnvelope,
} from './protocol';

export interface RouterContext {
  /** Our own extension id: messages from any other sender are refused. */
  extensionId: string;
  library: () => Promise<Library>;
  /** The reader's settings and switched-off sites (extension storage), for backups; and where to restore them. */
  preferences?: {
    read(): Promise<StoredPreferences>;
    restore(preferences: StoredPreferences): Promise<void>;
  };
  /** Opens an extension page (library.html#/..., the options page) in a new tab. */
  openPage?: (page: { kind: 'library'; hash: string } | { kind: 'options' }) => Promise<void>;
}

export interface MessageSenderLike {
  id?: string;
}

export function createBackgroundRouter(ctx: RouterContext) {
  // The term index and the search index derive from the dataset alone: built once per dataset version
  // (and per service-worker lifetime: rebuilding the search index takes ~20 ms, caching it is not worth it).
  let cachedIndex: Promise<TermIndex> | null = null;
  let cachedFor = '';
  let cachedSearch: Promise<LibrarySearch> | null = null;
  let cachedSearchFor = '';
  const searchFor = (library: Library) => {
    if (!cachedSearch || cachedSearchFor !== library.dataset.version) {
      cachedSearchFor = library.dataset.version;
      cachedSearch = buildSearchFromSource(library.source);
      cachedSearch.catch(() => (cachedSearch = null));
    }
    return cachedSearch;
  };

  const handlers: {
    [K in BackgroundRequest['type']]: (
      request: Extract<BackgroundRequest, { type: K }>,
      library: Library,
    ) => Promise<BackgroundResponses[K]>;
  } = {
    'get-status': (_, library) => libraryStatus(library),
    'get-term-index': (_, library) => {
      if (!cachedIndex || cachedFor !== library.dataset.version) {
        cachedFor = library.dataset.version;
        cachedIndex = buildTermIndex(library.source, library.dataset.version);
        cachedIndex.catch(() => (cachedIndex = null));
      }
      return cachedIndex;
    },
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
      console.error('[ICAT Lens] message failed', error);
      return refuse('internal', 'Something went wrong in the library. Try again; if it persists, reload the extension.');
    }
  };
}

function refuse(code: LibraryError['code'], message: string): ResponseEnvelope<never> {
  return { ok: false, error: { code, message } };
}
