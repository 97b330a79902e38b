/**
 * What importing bookmarks (from a backup) would change, worked out without touching the database, so the
 * UI can show it first ("12 new, 3 merged, 40 already there") and the database can apply it in one
 * transaction.
 *
 * A bookmark for an item that already has one is merged, never doubled (the database allows one bookmark
 * per item):
 * - notes: kept both when they differ, current first, separated by a blank line; when one already contains
 *   the other (ignoring differences in spacing) the longer is kept, so importing the same backup twice
 *   changes nothing;
 * - tags: the union, through normaliseTags (current spellings first);
 * - createdAt the earliest, updatedAt the latest;
 * - id, title, kind and foundAt from the current bookmark (foundAt from the incoming one if current has none).
 * Results stay within the bookmark limits: a combined note over BOOKMARK_NOTE_MAX_LENGTH is cut with "…"
 * and tags past BOOKMARK_TAGS_MAX are dropped; `shortened` says which, for the UI to tell the reader.
 */
import { BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_TAGS_MAX } from '../constants';
import type { Bookmark } from '../db/records';
import { normaliseTags } from '../library/bookmark-store';

export interface MergedBookmark {
  current: Bookmark;
  incoming: Bookmark;
  result: Bookmark;
  /** What had to be cut to stay within the limits; usually empty. */
  shortened: ('note' | 'tags')[];
}

export interface ImportPlan {
  /** New bookmarks, to be added as they are. */
  add: Bookmark[];
  /** Bookmarks whose item already had one, and the merged bookmark that replaces the current one. */
  merge: MergedBookmark[];
  /** Incoming bookmarks whose item already had one and that would change nothing. */
  unchanged: number;
}

export interface PlanImportOptions {
  /**
   * An id for an incoming bookmark whose id is already taken by another item's bookmark (ids are the
   * primary key). Only called then; tests pass a deterministic one.
   */
  newId?: () => string;
}

/** Pure: reads its arguments, returns a plan, changes nothing. */
export function planImport(current: readonly Bookmark[], incoming: readonly Bookmark[], options: PlanImportOptions = {}): ImportPlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const currentByItem = new Map(current.map((b) => [b.itemId, b]));
  const usedIds = new Set(current.map((b) => b.id));
  const added = new Map<string, Bookmark>();
  const merged = new Map<string, MergedBookmark>();

  for (const next of incoming) {
    const existing = currentByItem.get(next.itemId);
    if (existing) {
      // Several incoming bookmarks for one item (not in a valid backup, but possible here) fold in order.
      const previous = merged.get(next.itemId);
      const { result, shortened } = mergeBookmarks(previous?.result ?? existing, next);
      merged.set(next.itemId, {
        current: existing,
        incoming: next,
        result,
        shortened: [...new Set([...(previous?.shortened ?? []), ...shortened])],
      });
      continue;
    }
    const pending = added.get(next.itemId);
    if (pending) {
      added.set(next.itemId, mergeBookmarks(pending, next).result);
      continue;
    }
    let id = next.id;
    while (usedIds.has(id)) id = newId();
    usedIds.add(id);
    added.set(next.itemId, { ...withinLimits(next).bookmark, id });
  }

  const plan: ImportPlan = { add: [...added.values()], merge: [], unchanged: 0 };
  for (const entry of merged.values()) {
    if (sameBookmark(entry.current, entry.result)) plan.unchanged++;
    else plan.merge.push(entry);
  }
  return plan;
}

/** `current` with `incoming` merged into it (see the file comment). */
export function mergeBookmarks(current: Bookmark, incoming: Bookmark): { result: Bookmark; shortened: ('note' | 'tags')[] } {
  const foundAt = current.foundAt ?? incoming.foundAt;
  const { bookmark, shortened } = withinLimits({
    id: current.id,
    itemId: current.itemId,
    itemKind: current.itemKind,
    title: current.title,
    note: combineNotes(current.note, incoming.note),
    tags: normaliseTags([...current.tags, ...incoming.tags]),
    createdAt: Math.min(current.createdAt, incoming.createdAt),
    updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
    ...(foundAt ? { foundAt: { ...foundAt } } : {}),
  });
  return { result: bookmark, shortened };
}

const NOTE_SEPARATOR = '\n\n';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Both notes when they differ; one when the other is empty or already inside it. */
export function combineNotes(current: string, incoming: string): string {
  const a = squash(current);
  const b = squash(incoming);
  if (b === '' || a.includes(b)) return current;
  if (a === '' || b.includes(a)) return incoming;
  return `${current.trimEnd()}${NOTE_SEPARATOR}${incoming.trimStart()}`;
}

function withinLimits(b: Bookmark): { bookmark: Bookmark; shortened: ('note' | 'tags')[] } {
  const shortened: ('note' | 'tags')[] = [];
  let note = b.note;
  if (note.length > BOOKMARK_NOTE_MAX_LENGTH) {
    let cut = BOOKMARK_NOTE_MAX_LENGTH - 1;
    // Never split a surrogate pair (an emoji) in half.
    if (/[\ud800-\udbff]/.test(note.charAt(cut - 1))) cut--;
    note = `${note.slice(0, cut)}…`;
    shortened.push('note');
  }
  let tags = normaliseTags(b.tags);
  if (tags.length > BOOKMARK_TAGS_MAX) {
    tags = tags.slice(0, BOOKMARK_TAGS_MAX);
    shortened.push('tags');
  }
  return { bookmark: { ...b, note, tags }, shortened };
}

function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  return (
    a.id === b.id &&
    a.itemId === b.itemId &&
    a.itemKind === b.itemKind &&
    a.title === b.title &&
    a.note === b.note &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i]) &&
    a.foundAt?.url === b.foundAt?.url &&
    a.foundAt?.title === b.foundAt?.title &&
    a.foundAt?.quote === b.foundAt?.quote
  );
}
