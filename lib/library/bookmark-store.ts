/**
 * Bookmarks: one per library item, kept in IndexedDB. When the database is unavailable the store refuses
 * every call with the reason, so the UI can say why instead of showing an empty list.
 */
import { BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_TAG_MAX_LENGTH, BOOKMARK_TAGS_MAX } from '../constants';
import type { LibraryDatabase } from '../db/database';
import type { Bookmark, BookmarkItemKind } from '../db/records';
import { LibraryError } from './library-error';

export interface BookmarkInput {
  itemId: string;
  itemKind: BookmarkItemKind;
  title: string;
  note?: string;
  tags?: string[];
  foundAt?: Bookmark['foundAt'];
}

export interface BookmarkStore {
  list(): Promise<Bookmark[]>;
  count(): Promise<number>;
  /** Saves or updates the one bookmark of an item; note, tags and foundAt given here replace stored ones. */
  save(input: BookmarkInput): Promise<Bookmark>;
  remove(itemId: string): Promise<boolean>;
}

export function dexieBookmarkStore(db: LibraryDatabase, now: () => number = Date.now): BookmarkStore {
  return {
    list: () => db.bookmarks.orderBy('createdAt').reverse().toArray(),
    count: () => db.bookmarks.count(),
    save: (input) =>
      db.transaction('rw', db.bookmarks, async () => {
        const existing = await db.bookmarks.where('itemId').equals(input.itemId).first();
        const time = now();
        const bookmark: Bookmark = {
          id: existing?.id ?? crypto.randomUUID(),
          itemId: input.itemId,
          itemKind: input.itemKind,
          title: input.title,
          // Clamped here as well as in the message schema: a backup of what is stored must always import.
          note: (input.note ?? existing?.note ?? '').slice(0, BOOKMARK_NOTE_MAX_LENGTH),
          tags: normaliseTags(input.tags ?? existing?.tags ?? [])
            .map((tag) => tag.slice(0, BOOKMARK_TAG_MAX_LENGTH))
            .slice(0, BOOKMARK_TAGS_MAX),
          createdAt: existing?.createdAt ?? time,
          updatedAt: time,
          ...((input.foundAt ?? existing?.foundAt) ? { foundAt: input.foundAt ?? existing?.foundAt } : {}),
        };
        await db.bookmarks.put(bookmark);
        return bookmark;
      }),
    remove: async (itemId) => (await db.bookmarks.where('itemId').equals(itemId).delete()) > 0,
  };
}

export function unavailableBookmarkStore(reason: string): BookmarkStore {
  const refuse = () => Promise.reject(new LibraryError('bookmarks-unavailable', `Bookmarks are unavailable: ${reason}`));
  return { list: refuse, count: refuse, save: refuse, remove: refuse };
}

/** Trimmed, de-duplicated case-insensitively, first spelling kept, empty tags dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const clean = tag.trim().replace(/\s+/g, ' ');
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}
