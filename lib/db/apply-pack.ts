/**
 * Puts a validated dataset (the bundled one, or a data pack: same schema) into the reference tables, in one
 * transaction over the reference tables, the bookmarks (read only) and meta: a failure halfway leaves the
 * previous library in place.
 *
 * The retired rule: a record that a bookmark points to and that the new dataset no longer has is never
 * deleted. It is kept, marked `retired: { since: <the new dataset's version> }` (a record already retired
 * keeps its first `since`), so the bookmark, its card and its library page stay readable. Retired records
 * are left out of the term index, search, the timeline and related lists. A record that comes back in a
 * later dataset is simply current again. Records nobody bookmarked are replaced as before.
 */
import type { Dataset } from '../data/schema';
import type { LibraryDatabase } from './database';
import {
  BOOKMARKABLE_TABLES,
  countDataset,
  REFERENCE_TABLES,
  retiredMark,
  toStoredEvent,
  type DatasetMeta,
  type DatasetSource,
  type ReferenceRows,
} from './records';

export interface ApplyResult {
  /** False when nothing was written (only with `onlyIfChanged`, when the stored dataset was current). */
  changed: boolean;
  previousVersion: string | null;
  version: string;
  /** Ids of the records kept as retired because a bookmark points to them. */
  retired: string[];
}

export interface ApplyOptions {
  source: DatasetSource;
  now?: number;
  /**
   * Skip the write when the stored dataset has the same version and schema and comes from the same kind of
   * source (the bundled reseed's fast path). Data packs are always written.
   */
  onlyIfChanged?: boolean;
}

export async function applyDataset(db: LibraryDatabase, dataset: Dataset, options: ApplyOptions): Promise<ApplyResult> {
  const { source, now = Date.now(), onlyIfChanged = false } = options;
  const tables = [...REFERENCE_TABLES.map((name) => db.table(name)), db.meta, db.bookmarks];
  return db.transaction('rw', tables, async () => {
    const stored = await db.meta.get('dataset');
    const previousVersion = stored?.version ?? null;
    if (
      onlyIfChanged &&
      stored &&
      stored.version === dataset.version &&
      stored.schemaVersion === db.verno &&
      (stored.source ?? { kind: 'bundled' }).kind === source.kind
    ) {
      return { changed: false, previousVersion, version: dataset.version, retired: [] };
    }

    // Which stored records a bookmark points to and the new dataset drops: read before the tables are cleared.
    const newIds = new Set<string>();
    for (const name of REFERENCE_TABLES) for (const row of dataset[name]) newIds.add(row.id);
    const bookmarked = new Set((await db.bookmarks.toArray()).map((b) => b.itemId));
    const keep: { [T in (typeof BOOKMARKABLE_TABLES)[number]]: ReferenceRows[T][] } = {
      agencies: [],
      publications: [],
      events: [],
      people: [],
      terms: [],
    };
    const dropped = [...bookmarked].filter((id) => !newIds.has(id));
    if (dropped.length > 0) {
      for (const name of BOOKMARKABLE_TABLES) {
        const rows = (await db.table(name).bulkGet(dropped)) as (ReferenceRows[typeof name] | undefined)[];
        for (const row of rows) {
          if (!row) continue;
          const since = retiredMark(row)?.since ?? dataset.version;
          (keep[name] as object[]).push({ ...row, retired: { since } });
        }
      }
    }

    await Promise.all(REFERENCE_TABLES.map((name) => db.table(name).clear()));
    await db.agencies.bulkAdd(dataset.agencies);
    await db.publications.bulkAdd(dataset.publications);
    await db.events.bulkAdd(dataset.events.map(toStoredEvent));
    await db.people.bulkAdd(dataset.people);
    await db.terms.bulkAdd(dataset.terms);
    await db.contextRules.bulkAdd(dataset.contextRules);
    await db.ambiguities.bulkAdd(dataset.ambiguities);
    const retired: string[] = [];
    for (const name of BOOKMARKABLE_TABLES) {
      if (keep[name].length === 0) continue;
      await db.table(name).bulkAdd(keep[name]);
      retired.push(...keep[name].map((row) => row.id));
    }

    const meta: DatasetMeta = {
      key: 'dataset',
      version: dataset.version,
      schemaVersion: db.verno,
      title: dataset.title,
      seededAt: now,
      counts: countDataset(dataset),
      source,
      retired: retired.length,
    };
    await db.meta.put(meta);
    return { changed: true, previousVersion, version: dataset.version, retired: retired.sort() };
  });
}
