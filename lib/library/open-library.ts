/**
 * Opens the library the background serves: the IndexedDB database, seeded from the bundled dataset when
 * its version changed, or, when IndexedDB cannot be opened, the bundled dataset read-only from memory.
 */
import type { Dataset } from '../data/schema';
import { validateDataset } from '../data/validate-dataset';
import { LibraryDatabase } from '../db/database';
import { dexieRecordSource } from '../db/dexie-record-source';
import type { ReferenceCounts } from '../db/records';
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

export interface Library {
  storage: StorageState;
  source: RecordSource;
  bookmarks: BookmarkStore;
  dataset: { version: string; title: string; seededAt: number | null };
  /** The database, when storage is IndexedDB (extension pages use it for live queries). */
  db: LibraryDatabase | null;
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

  let db: LibraryDatabase | null = null;
  try {
    db = openDatabase();
    await db.open();
    const meta = await db.meta.get('dataset');
    // Validating the whole file costs a few milliseconds; only pay it when the stored version differs.
    if (!meta || meta.version !== peekVersion(raw) || meta.schemaVersion !== db.verno) {
      await seedLibrary(db, dataset(), now());
    }
    const seeded = (await db.meta.get('dataset'))!;
    return {
      storage: { mode: 'indexeddb' },
      source: dexieRecordSource(db),
      bookmarks: dexieBookmarkStore(db, now),
      dataset: { version: seeded.version, title: seeded.title, seededAt: seeded.seededAt },
      db,
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
      dataset: { version: d.version, title: d.title, seededAt: null },
      db: null,
    };
  }
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
