/**
 * Seeding: puts the dataset into the reference tables. Runs on install and whenever the dataset version
 * differs from the one stored in meta. Everything happens in one transaction, so a failure halfway leaves
 * the previous library in place; bookmarks are outside the transaction's reach by construction.
 */
import type { Dataset } from '../data/schema';
import type { LibraryDatabase } from './database';
import { countDataset, REFERENCE_TABLES, toStoredEvent, type DatasetMeta } from './records';

export interface SeedResult {
  /** False when the stored dataset already had this version (nothing written). */
  changed: boolean;
  previousVersion: string | null;
  version: string;
}

export async function seedLibrary(db: LibraryDatabase, dataset: Dataset, now: number = Date.now()): Promise<SeedResult> {
  const tables = [...REFERENCE_TABLES.map((name) => db.table(name)), db.meta];
  return db.transaction('rw', tables, async () => {
    const stored = await db.meta.get('dataset');
    const previousVersion = stored?.version ?? null;
    if (stored && stored.version === dataset.version && stored.schemaVersion === db.verno) {
      return { changed: false, previousVersion, version: dataset.version };
    }
    await Promise.all(REFERENCE_TABLES.map((name) => db.table(name).clear()));
    await db.agencies.bulkAdd(dataset.agencies);
    await db.publications.bulkAdd(dataset.publications);
    await db.events.bulkAdd(dataset.events.map(toStoredEvent));
    await db.people.bulkAdd(dataset.people);
    await db.terms.bulkAdd(dataset.terms);
    await db.contextRules.bulkAdd(dataset.contextRules);
    await db.ambiguities.bulkAdd(dataset.ambiguities);
    const meta: DatasetMeta = {
      key: 'dataset',
      version: dataset.version,
      schemaVersion: db.verno,
      title: dataset.title,
      seededAt: now,
      counts: countDataset(dataset),
    };
    await db.meta.put(meta);
    return { changed: true, previousVersion, version: dataset.version };
  });
}
