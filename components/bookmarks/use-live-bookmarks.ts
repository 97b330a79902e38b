/**
 * The reader's bookmarks, newest first, kept up to date while the popup is open. Extension pages share the
 * background's origin, so they can open the database themselves; a Dexie `liveQuery` re-runs the query
 * whenever the bookmarks table changes, in this page or in another context of the extension (Dexie
 * broadcasts its writes to same-origin contexts), so a bookmark saved from a hover card shows up at once.
 *
 * Read-only: this hook never writes. Writes go through the background (see bookmarks-api.ts).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { LibraryDatabase } from '@/lib/db/database';
import type { Bookmark } from '@/lib/db/records';

export type LiveBookmarks =
  | { state: 'loading' }
  | { state: 'ready'; bookmarks: Bookmark[] }
  | { state: 'error'; message: string };

export interface LiveBookmarksOptions {
  /** False: do not open the database at all (the background already said bookmarks are unavailable). */
  enabled?: boolean;
}

/** Newest first; bookmarks saved in the same millisecond keep a stable order (by id). */
export function queryBookmarks(db: LibraryDatabase): Promise<Bookmark[]> {
  return db.bookmarks.orderBy('createdAt').reverse().toArray();
}

/**
 * @param db the database to watch; tests inject one. Without it the hook opens the extension's database
 *   (`new LibraryDatabase()`) and closes it when the component unmounts.
 */
export function useLiveBookmarks(db?: LibraryDatabase, { enabled = true }: LiveBookmarksOptions = {}): LiveBookmarks {
  const [result, setResult] = useState<LiveBookmarks>({ state: 'loading' });

  useEffect(() => {
    if (!enabled) return;
    setResult({ state: 'loading' });
    const own = db === undefined;
    let database: LibraryDatabase;
    try {
      database = db ?? new LibraryDatabase();
    } catch (error) {
      setResult({ state: 'error', message: messageOf(error) });
      return;
    }
    let current = true;
    let subscription: { unsubscribe(): void } | null = null;
    // Open first: when the browser refuses IndexedDB (private windows), a live query on the unopened
    // database would wait forever instead of failing.
    database.open().then(
      () => {
        if (!current) return;
        subscription = liveQuery(() => queryBookmarks(database)).subscribe({
          next: (bookmarks) => current && setResult({ state: 'ready', bookmarks }),
          error: (error: unknown) => current && setResult({ state: 'error', message: messageOf(error) }),
        });
      },
      (error: unknown) => current && setResult({ state: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
      subscription?.unsubscribe();
      if (own) database.close();
    };
  }, [db, enabled]);

  return result;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
