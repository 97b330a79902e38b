/**
 * Opens the library the background serves: the IndexedDB database, seeded from the bundled dataset when
 * its version changed, or, when IndexedDB cannot be opened, the bundled dataset read-only from memory.
 */
import type { Dataset } from '../data/schema';
import { validateDataset } from '../data/validate-dataset';
import { LibraryDatabase } from '../db/database';
import { dexieRecordSource } from '../db/dexie-record-source';
import { applyDataset } from '../db/apply-pack';
import { BUNDLED_SOURCE, type DatasetMeta, type DatasetSource, type ReferenceCounts } from '../db/records';
import { seedLibrary } from '../db/seed';
import { dexieBookmarkStore, unavailableBookmarkStore, type BookmarkStore } from './bookmark-store';
import { LibraryError } from './library-error';
import { memoryRecordSource } from './memory-record-source';
import type { RecordSource } from './record-source';

export type StorageState =
  | { mode: 'indexeddb' }
  | {
      mode: 'memory';
      /** Why IndexedDB could not be used, in words a reader understands. */
      reason: string;
    };

export interface LibraryDataset {
  version: string;
  title: string;
  seededAt: number | null;
  /** The bundled dataset or a data pack (docs/data-packs.md). */
  source: DatasetSource;
  /** Records kept only because a bookmark points to them (the dataset dropped them). */
  retired: number;
}

export interface Library {
  storage: StorageState;
  source: RecordSource;
  bookmarks: BookmarkStore;
  /** Updated in place when a data pack is applied or the library rolled back. */
  dataset: LibraryDataset;
  /** The database, when storage is IndexedDB (extension pages use it for live queries). */
  db: LibraryDatabase | null;
  /** The bundled dataset, validated (for a rollback). */
  bundledDataset: () => Promise<Dataset>;
}

/**
 * What the derived indexes (term index, search) are built from: changes with every apply, even of a pack
 * with the same version string as before (the source or the time of seeding differ).
 */
export function datasetKey(dataset: LibraryDataset): string {
  const source = dataset.source.kind === 'bundled' ? 'bundled' : `pack:${dataset.source.origin}`;
  return `${dataset.version}|${source}|${dataset.seededAt ?? 'memory'}`;
}

export interface LibraryStatus {
  storage: StorageState;
  dataset: Library['dataset'];
  counts: ReferenceCounts;
  bookmarks: { available: true; count: number } | { available: false; reason: string };
}

export interface OpenLibraryOptions {
  /** Reads the bundled dataset file (parsed JSON, not yet validated). */
  readBundledDataset: () => Promise<unknown>;
  openDatabase?: () => LibraryDatabase;
  now?: () => number;
}

export async function openLibrary({
  readBundledDataset,
  openDatabase = () => new LibraryDatabase(),
  now = Date.now,
}: OpenLibraryOptions): Promise<Library> {
  const raw = await readBundledDataset();
  let validated: Dataset | null = null;
  const dataset = () => (validated ??= parseBundled(raw));
  const bundledDataset = async () => dataset();

  let db: LibraryDatabase | null = null;
  try {
    db = openDatabase();
    await db.open();
    const meta = await db.meta.get('dataset');
    const fromPack = meta?.source?.kind === 'pack';
    // Validating the whole file costs a few milliseconds; only pay it when the stored version differs.
    // An applied data pack is never replaced by the bundled dataset on start (only by a rollback), except
    // when the database schema changed: the pack's rows cannot be re-derived, so the bundled data is used.
    if (!meta || meta.schemaVersion !== db.verno || (!fromPack && meta.version !== peekVersion(raw))) {
      await seedLibrary(db, dataset(), now());
    }
    const seeded = (await db.meta.get('dataset'))!;
    return {
      storage: { mode: 'indexeddb' },
      source: dexieRecordSource(db),
      bookmarks: dexieBookmarkStore(db, now),
      dataset: datasetFromMeta(seeded),
      db,
      bundledDataset,
    };
  } catch (error) {
    if (error instanceof LibraryError) throw error; // the bundled dataset itself is broken: nothing to fall back to
    db?.close();
    const reason = describeStorageFailure(error);
    const d = dataset();
    return {
      storage: { mode: 'memory', reason },
      source: memoryRecordSource(d),
      bookmarks: unavailableBookmarkStore(reason),
      dataset: { version: d.version, title: d.title, seededAt: null, source: BUNDLED_SOURCE, retired: 0 },
      db: null,
      bundledDataset,
    };
  }
}

function datasetFromMeta(meta: DatasetMeta): LibraryDataset {
  return {
    version: meta.version,
    title: meta.title,
    seededAt: meta.seededAt,
    source: meta.source ?? BUNDLED_SOURCE,
    retired: meta.retired ?? 0,
  };
}

export interface DatasetChange {
  dataset: LibraryDataset;
  previousVersion: string | null;
  /** Ids of bookmarked records the new dataset dropped, kept as retired. */
  retiredIds: string[];
}

function requireDatabase(library: Library): LibraryDatabase {
  if (!library.db) {
    throw new LibraryError(
      'storage-unavailable',
      `The library cannot be changed here: ${library.storage.mode === 'memory' ? library.storage.reason : 'no database'}.`,
    );
  }
  return library.db;
}

/** Applies a validated data pack (atomically; bookmarked records it drops are kept, retired). */
export async function applyPackToLibrary(
  library: Library,
  dataset: Dataset,
  source: Exclude<DatasetSource, { kind: 'bundled' }>,
  now: number = Date.now(),
): Promise<DatasetChange> {
  const db = requireDatabase(library);
  const result = await applyDataset(db, dataset, { source, now });
  library.dataset = datasetFromMeta((await db.meta.get('dataset'))!);
  return { dataset: library.dataset, previousVersion: result.previousVersion, retiredIds: result.retired };
}

/** Returns to the bundled dataset (the retired rule applies) and records the source as bundled. */
export async function rollbackLibrary(library: Library, now: number = Date.now()): Promise<DatasetChange> {
  const db = requireDatabase(library);
  const result = await applyDataset(db, await library.bundledDataset(), { source: BUNDLED_SOURCE, now });
  library.dataset = datasetFromMeta((await db.meta.get('dataset'))!);
  return { dataset: library.dataset, previousVersion: result.previousVersion, retiredIds: result.retired };
}

export async function libraryStatus(library: Library): Promise<LibraryStatus> {
  const counts = await library.source.counts();
  let bookmarks: LibraryStatus['bookmarks'];
  try {
    bookmarks = { available: true, count: await library.bookmarks.count() };
  } catch (error) {
    bookmarks = { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return { storage: library.storage, dataset: library.dataset, counts, bookmarks };
}

function parseBundled(raw: unknown): Dataset {
  const result = validateDataset(raw);
  if (!result.ok) throw new LibraryError('dataset-invalid', `The bundled dataset is invalid: ${result.errors.join('; ')}`);
  return result.dataset;
}

function peekVersion(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
}

/** Turns IndexedDB failures into a sentence for the status line. */
export function describeStorageFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'the browser has no storage space left for the library';
  }
  if (/MissingAPI|InvalidState|Security|NotAllowed/i.test(`${name} ${inner}`) || /indexedDB/i.test(String(error))) {
    return 'the browser does not allow IndexedDB here (for example in a private window)';
  }
  return `the library database could not be opened (${name || 'unknown error'})`;
}
