/**
 * Export and import as the background runs them: files built from the database and extension storage,
 * imports validated first and applied in one transaction, so a bad file changes nothing and a good one
 * never doubles a bookmark.
 */
import { loadCitationEntries } from '../export/citable';
import { createBackup, parseBackup, planImport, serializeBackup } from '../export/backup';
import { exportBibtex } from '../export/bibtex';
import { exportCslJson } from '../export/csl-json';
import { EXPORT_FILE_TYPES, exportFileName, type ExportFormat } from '../export/file-names';
import { exportRis } from '../export/ris';
import type { Bookmark } from '../db/records';
import type { Settings } from '../settings/settings';
import { LibraryError } from './library-error';
import type { Library } from './open-library';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** What the reader's extension storage holds beside the database (settings and switched-off sites). */
export interface StoredPreferences {
  settings: Settings;
  disabledSites: string[];
}

export async function exportFile(
  library: Library,
  format: ExportFormat,
  preferences: StoredPreferences,
  itemIds?: readonly string[],
): Promise<ExportedFile> {
  const all = await library.bookmarks.list();
  const chosen = itemIds ? all.filter((b) => itemIds.includes(b.itemId)) : all;
  let text: string;
  if (format === 'backup') {
    text = serializeBackup(
      createBackup({ bookmarks: chosen, settings: preferences.settings, disabledSites: preferences.disabledSites, datasetVersion: library.dataset.version }),
    );
  } else {
    const entries = await loadCitationEntries(chosen, library.source);
    text = format === 'ris' ? exportRis(entries) : format === 'bibtex' ? exportBibtex(entries) : exportCslJson(entries);
  }
  return { fileName: exportFileName(format), mimeType: EXPORT_FILE_TYPES[format].mimeType, text };
}

export type ImportPreview =
  | { ok: false; error: string }
  | { ok: true; add: number; merge: number; unchanged: number; restoresSettings: boolean; sites: number };

/** What importing `text` would do, without doing it. */
export async function previewImport(library: Library, text: string): Promise<ImportPreview> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const plan = planImport(await library.bookmarks.list(), parsed.backup.bookmarks);
  return {
    ok: true,
    add: plan.add.length,
    merge: plan.merge.length,
    unchanged: plan.unchanged,
    restoresSettings: true,
    sites: parsed.backup.disabledSites.length,
  };
}

/**
 * Imports a backup: validated again, then planned and written inside one read-write transaction over the
 * bookmarks (a save from a card cannot slip in between, and a failure writes nothing). Returns what to do
 * with the stored preferences, which live outside the database.
 */
export async function applyImport(
  library: Library,
  text: string,
): Promise<{ preview: Extract<ImportPreview, { ok: true }>; preferences: StoredPreferences }> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new LibraryError('invalid-message', parsed.error);
  const db = library.db;
  if (!db) throw new LibraryError('bookmarks-unavailable', 'Bookmarks are unavailable here, so nothing can be imported.');
  const counts = await db.transaction('rw', db.bookmarks, async () => {
    const plan = planImport(await db.bookmarks.toArray(), parsed.backup.bookmarks);
    await db.bookmarks.bulkAdd(plan.add);
    await db.bookmarks.bulkPut(plan.merge.map((m) => m.result) as Bookmark[]);
    return { add: plan.add.length, merge: plan.merge.length, unchanged: plan.unchanged };
  });
  return {
    preview: { ok: true, ...counts, restoresSettings: true, sites: parsed.backup.disabledSites.length },
    preferences: { settings: parsed.backup.settings, disabledSites: parsed.backup.disabledSites },
  };
}
