/**
 * What the bookmarks panel may change, and the default implementation through the background. The panel
 * reads bookmarks directly from IndexedDB (same origin, live) but never writes there: every write goes
 * through the background's `save-bookmark` / `remove-bookmark` messages, so there is one writer.
 */
import type { Bookmark } from '@/lib/db/records';
import { askBackground } from '@/lib/messaging/background-client';

export interface BookmarkSaveInput {
  itemId: string;
  /** Given: replaces the stored note. Omitted: the stored note is kept. */
  note?: string;
  /** Given: replaces the stored tags (the background normalises them). Omitted: kept. */
  tags?: string[];
  /** Given: replaces where the item was found. Omitted: kept. */
  foundAt?: Bookmark['foundAt'];
}

export interface BookmarksApi {
  /** Saves or updates the bookmark of an item; the background fills in its kind and title. */
  save(input: BookmarkSaveInput): Promise<void>;
  remove(itemId: string): Promise<void>;
}

/** Omits absent fields: the message schema is strict and "absent" means "keep", not "clear". */
export const backgroundBookmarksApi: BookmarksApi = {
  async save({ itemId, note, tags, foundAt }) {
    await askBackground({
      type: 'save-bookmark',
      itemId,
      ...(note !== undefined ? { note } : {}),
      ...(tags !== undefined ? { tags } : {}),
      ...(foundAt !== undefined ? { foundAt } : {}),
    });
  },
  async remove(itemId) {
    await askBackground({ type: 'remove-bookmark', itemId });
  },
};

export default backgroundBookmarksApi;
