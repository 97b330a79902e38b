/**
 * The one message protocol between content scripts, extension pages and the background. Requests are a
 * discriminated union checked at runtime: the background refuses anything else. Documented in
 * docs/messages.md; keep the two in step.
 */
import * as v from 'valibot';
import { DATA_PACK_MAX_CHARS, IMPORT_MAX_CHARS, BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_TAG_MAX_LENGTH, BOOKMARK_TAGS_MAX, SEARCH_QUERY_MAX_LENGTH } from '../constants';
import { RecordIdSchema, SourceUrlSchema } from '../data/schema';
import type { Bookmark } from '../db/records';
import type { EntityDetails } from '../library/entity';
import type { LibraryErrorCode } from '../library/library-error';
import type { LibraryDataset, LibraryStatus } from '../library/open-library';
import type { TermIndex } from '../library/term-index';
import type { TimelineData } from '../library/timeline';
import type { ExportedFile, ImportPreview } from '../library/backup-service';
import type { SearchResult } from '../search/library-search';

const BookmarkItemKindSchema = v.picklist(['publication', 'event', 'agency', 'term', 'person']);
const EntityKindSchema = v.picklist(['agency', 'publication', 'event', 'person', 'term', 'instrument', 'initiative']);
const YearSchema = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2200));

export const BackgroundRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('get-status') }),
  v.strictObject({ type: v.literal('get-term-index') }),
  v.strictObject({ type: v.literal('get-entity'), id: RecordIdSchema }),
  v.strictObject({
    type: v.literal('search'),
    query: v.pipe(v.string(), v.maxLength(SEARCH_QUERY_MAX_LENGTH)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    kinds: v.optional(v.pipe(v.array(EntityKindSchema), v.maxLength(7))),
    yearFrom: v.optional(YearSchema),
    yearTo: v.optional(YearSchema),
  }),
  v.strictObject({ type: v.literal('list-bookmarks') }),
  v.strictObject({
    type: v.literal('save-bookmark'),
    itemId: RecordIdSchema,
    note: v.optional(v.pipe(v.string(), v.maxLength(BOOKMARK_NOTE_MAX_LENGTH))),
    tags: v.optional(
      v.pipe(v.array(v.pipe(v.string(), v.maxLength(BOOKMARK_TAG_MAX_LENGTH))), v.maxLength(BOOKMARK_TAGS_MAX)),
    ),
    foundAt: v.optional(
      v.strictObject({
        url: SourceUrlSchema,
        title: v.pipe(v.string(), v.maxLength(500)),
        quote: v.pipe(v.string(), v.maxLength(1_000)),
      }),
    ),
  }),
  v.strictObject({ type: v.literal('remove-bookmark'), itemId: RecordIdSchema }),
  v.strictObject({
    type: v.literal('get-bookmark-states'),
    itemIds: v.pipe(v.array(RecordIdSchema), v.maxLength(500)),
  }),
  /** Opens the library page on a record (or its home) in a new tab: content scripts cannot open extension pages. */
  v.strictObject({ type: v.literal('open-library-page'), id: v.optional(RecordIdSchema) }),
  v.strictObject({ type: v.literal('open-options-page') }),
  /** Every dated event and paper with its agencies and themes: the library page's timeline. */
  v.strictObject({ type: v.literal('get-timeline') }),
  v.strictObject({
    type: v.literal('export-bookmarks'),
    format: v.picklist(['backup', 'csl-json', 'ris', 'bibtex']),
    itemIds: v.optional(v.pipe(v.array(RecordIdSchema), v.maxLength(100_000))),
  }),
  /** What importing a backup file would do (counts), or why the file cannot be imported. */
  v.strictObject({ type: v.literal('preview-import'), text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)) }),
  /** Imports a backup file: all of it in one transaction, or nothing. */
  v.strictObject({ type: v.literal('apply-import'), text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)) }),
  /** Replaces the library with a data pack (a dataset file's text), atomically; an invalid pack changes nothing. */
  v.strictObject({
    type: v.literal('apply-data-pack'),
    text: v.pipe(v.string(), v.maxLength(DATA_PACK_MAX_CHARS)),
    /** The file's name, shown as the library's source. */
    name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  /** Fetches a data pack from an https URL (or http on 127.0.0.1/localhost) and applies it like apply-data-pack. */
  v.strictObject({
    type: v.literal('fetch-data-pack'),
    url: v.pipe(
      v.string(),
      v.maxLength(2_000),
      v.url(),
      v.check((u) => /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/)/i.test(u), 'data packs are fetched from https URLs only'),
    ),
  }),
  /** Returns to the bundled dataset. */
  v.strictObject({ type: v.literal('rollback-dataset') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];

export interface BackgroundResponses {
  'get-status': LibraryStatus;
  'get-term-index': TermIndex;
  'get-entity': EntityDetails;
  search: SearchResult[];
  'list-bookmarks': Bookmark[];
  'save-bookmark': Bookmark;
  'remove-bookmark': { removed: boolean };
  'get-bookmark-states': BookmarkStates;
  'open-library-page': { opened: true };
  'open-options-page': { opened: true };
  'get-timeline': TimelineData;
  'export-bookmarks': ExportedFile;
  'preview-import': ImportPreview;
  'apply-import': Extract<ImportPreview, { ok: true }>;
  'apply-data-pack': DataPackOutcome;
  'fetch-data-pack': DataPackOutcome;
  'rollback-dataset': DataPackOutcome;
}

/**
 * The result of applying a data pack or rolling back: the library's dataset now, and the ids of bookmarked
 * records the new dataset dropped (kept, retired); or, for a pack that is not valid, what is wrong with it
 * (nothing changed).
 */
export type DataPackOutcome =
  | { ok: true; dataset: LibraryDataset; previousVersion: string | null; retiredIds: string[] }
  | { ok: false; errors: string[] };

/** Which of the asked items are saved; when bookmarks are unavailable, says why instead. */
export type BookmarkStates = { available: true; saved: string[] } | { available: false; reason: string };

export type ResponseEnvelope<T> = { ok: true; data: T } | { ok: false; error: { code: LibraryErrorCode; message: string } };

/** Messages the content script answers (sent with tabs.sendMessage by the popup or the background). */
export const ContentRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('page-entities') }),
  /** The keyboard route: opens the in-page list of mentions (sent by the background on the shortcut). */
  v.strictObject({ type: v.literal('open-mentions-list') }),
  /** Scrolls to the first mention of an entity and briefly emphasises it (the popup's "on this page"). */
  v.strictObject({ type: v.literal('reveal-mention'), entityId: RecordIdSchema }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

/** The answer to `page-entities`: a stable interface (docs/messages.md). */
export interface PageEntitiesResponse {
  /** 'scanning' until the whole page has been scanned once, then 'idle'. */
  status: 'scanning' | 'idle';
  stats: {
    textNodes: number;
    chars: number;
    scanMs: number;
    /** performance.now() in the page when it was first fully read; absent until then. */
    idleAt?: number;
  };
  entities: PageEntity[];
  /** The page's site as ICAT Lens keys it (host name without www.), for the popup's site switch. */
  site?: string;
  /** True when ICAT Lens is switched off here (this site or everywhere): nothing is read or highlighted. */
  disabled?: boolean;
}

export interface PageEntity {
  id: string;
  kind: string;
  name: string;
  count: number;
}

/** Turns valibot issues into one readable line: `id: ids are lower-case kebab-case`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
