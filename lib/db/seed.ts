/**
 * Seeding: puts the bundled dataset into the reference tables. Runs on install and whenever the bundled
 * dataset version differs from the one stored in meta (and the library is not a data pack), and on a
 * rollback. It is `applyDataset` (lib/db/apply-pack.ts) with the bundled source: one transaction, so a failure
 * halfway leaves the previous library in place; bookmarks are only read (bookmarked records that the new
 * version drops are kept, retired).
 */
import type { Dataset } from '../data/schema';
import { applyDataset } from './apply-pack';
import type { LibraryDatabase } from './database';
import { BUNDLED_SOURCE } from './records';

export interface SeedResult {
  /** False when the stored dataset already had this version (nothing written). */
  changed: boolean;
  previousVersion: string | null;
  version: string;
}

export interface SeedOptions {
  /** Write even when the stored version is the same (a rollback from a pack with the bundled version). */
  force?: boolean;
}

export async function seedLibrary(
  db: LibraryDatabase,
  dataset: Dataset,
  now: number = Date.now(),
  { force = false }: SeedOptions = {},
): Promise<SeedResult> {
  const { changed, previousVersion, version } = await applyDataset(db, dataset, {
    source: BUNDLED_SOURCE,
    now,
    onlyIfChanged: !force,
  });
  return { changed, previousVersion, version };
}
