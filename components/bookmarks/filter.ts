/**
 * Filtering the saved list: by text (title, note and tags; accent- and case-insensitive, every word of the
 * query must appear) and by one tag. Pure functions, so the panel stays about rendering.
 */
import type { Bookmark } from '@/lib/db/records';
import { foldPhrase } from '@/lib/search/search-documents';

/** Tags compare case-insensitively, like normaliseTags de-duplicates them. */
export const tagKey = (tag: string): string => tag.trim().replace(/\s+/g, ' ').toLowerCase();

export interface TagCount {
  key: string;
  /** The spelling shown: the first one met, newest bookmark first. */
  label: string;
  count: number;
}

/** Every tag in use with how many bookmarks carry it; most used first, then alphabetical. */
export function countTags(bookmarks: readonly Bookmark[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const bookmark of bookmarks) {
    for (const key of new Set(bookmark.tags.map(tagKey))) {
      if (!key) continue;
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { key, label: bookmark.tags.find((t) => tagKey(t) === key) ?? key, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
}

/** The words of a query, folded; empty when the query has nothing to search for. */
export const queryWords = (query: string): string[] => foldPhrase(query).split(' ').filter(Boolean);

export function matchesText(bookmark: Bookmark, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldPhrase([bookmark.title, bookmark.note, ...bookmark.tags].join(' \n '));
  return words.every((word) => haystack.includes(word));
}

export function filterBookmarks(bookmarks: readonly Bookmark[], query: string, tag: string | null): Bookmark[] {
  const words = queryWords(query);
  return bookmarks.filter(
    (bookmark) => (tag === null || bookmark.tags.some((t) => tagKey(t) === tag)) && matchesText(bookmark, words),
  );
}
